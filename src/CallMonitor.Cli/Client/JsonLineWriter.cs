using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CallMonitor.Cli.Client;

/// <summary>
/// Writes one JSON object per line (JSON Lines) and flushes each, so a pipe sees every alert when it arrives. Safe to
/// call from several tasks: lines never interleave. Chinese text is written as is, not escaped.
/// </summary>
public sealed class JsonLineWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly TextWriter _output;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public JsonLineWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Lines written so far.</summary>
    public int Lines { get; private set; }

    /// <summary>Writes one object whose properties <paramref name="properties"/> writes.</summary>
    public void WriteLine(Action<Utf8JsonWriter> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        lock (_gate)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer, Options))
            {
                json.WriteStartObject();
                properties(json);
                json.WriteEndObject();
            }

            _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _output.Write('\n');
            _output.Flush();
            Lines++;
        }
    }
}
