using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Server.Security;

/// <summary>
/// The YAML file of API keys: a <c>keys:</c> list whose entries hold a name, the SHA-256 of the key (never the key),
/// a role, and the agent and team (agent) or teams (supervisor). Every error names file:line:column and what to fix.
/// </summary>
public static class ApiKeyFile
{
    /// <summary>Largest key file read; a real one is a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <exception cref="ApiKeyFileException">Missing, unreadable, too large or invalid.</exception>
    public static ApiKeyRegistry Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ApiKeyFileException(path, null, null, "the API key file does not exist; create it with entries from 'callmonitor keys new', or run without a key file (open access)");
            }

            if (info.Length > MaxBytes)
            {
                throw new ApiKeyFileException(path, null, null, $"the API key file is {info.Length:N0} bytes; the limit is {MaxBytes:N0}: is this the right file?");
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ApiKeyFileException(path, null, null, $"cannot read the API key file: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Reads key file text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ApiKeyFileException">Invalid YAML or an invalid entry.</exception>
    public static ApiKeyRegistry Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var problem = e.InnerException is { } inner ? inner.Message : e.Message;
            throw new ApiKeyFileException(source, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {problem}", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new ApiKeyFileException(source, null, null, stream.Documents.Count == 0
                ? "the API key file is empty; it needs a 'keys:' list (make entries with 'callmonitor keys new')"
                : $"the API key file must be one YAML document, found {stream.Documents.Count}");
        }

        return new ApiKeyRegistry(source, new KeyFileReader(source).ReadAll(stream.Documents[0].RootNode));
    }

    /// <summary>
    /// The key file entry for <paramref name="identity"/> holding <paramref name="sha256Hex"/>, as YAML lines to paste
    /// under <c>keys:</c> (two-space indent, values quoted).
    /// </summary>
    /// <exception cref="ArgumentException">The open identity, or text YAML cannot carry in quotes (control characters).</exception>
    public static string FormatEntry(CallerIdentity identity, string sha256Hex)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256Hex);
        if (identity.IsOpen)
        {
            throw new ArgumentException("open access has no key entry", nameof(identity));
        }

        var yaml = new StringBuilder();
        yaml.Append("  - name: ").Append(Quote(identity.Name)).Append('\n');
        yaml.Append("    sha256: ").Append(sha256Hex).Append('\n');
        yaml.Append("    role: ").Append(KeyFileReader.RoleName(identity.Role)).Append('\n');
        switch (identity.Role)
        {
            case CallerRole.Agent:
                yaml.Append("    agent: ").Append(Quote(identity.AgentId!)).Append('\n');
                yaml.Append("    team: ").Append(Quote(identity.Teams.Single())).Append('\n');
                break;
            case CallerRole.Supervisor:
                yaml.Append("    teams: [").AppendJoin(", ", identity.Teams.Select(Quote)).Append("]\n");
                break;
        }

        return yaml.ToString();
    }

    private static string Quote(string value)
    {
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"'{value.ReplaceLineEndings(" ")}' contains control characters; use plain text", nameof(value));
        }

        return $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
    }
}
