using System.Text;

namespace CallMonitor.Cli.Tests.Client;

/// <summary>A text sink written from the client's tasks and read by the test, which can wait for a number of lines.</summary>
internal sealed class SynchronizedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();
    private int _lines;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
            if (value == '\n')
            {
                _lines++;
            }
        }
    }

    public async Task WaitForLinesAsync(int count, CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _lines) < count)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }
}
