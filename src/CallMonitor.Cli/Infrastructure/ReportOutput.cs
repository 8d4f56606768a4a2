namespace CallMonitor.Cli.Infrastructure;

/// <summary>Writes a report to a file (creating its folder) or to standard output.</summary>
public static class ReportOutput
{
    public static async Task WriteAsync(string text, string? path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(path))
        {
            await Console.Out.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"report written to {path}").ConfigureAwait(false);
    }
}
