namespace CallMonitor.Models;

// Turns the raw JSON document into validated records. Every problem names the model and field, so a person
// editing manifest.json knows what to fix.
internal static class ManifestValidator
{
    public const int SupportedSchemaVersion = 1;

    private static readonly string[] Kinds = ["vad", "kws", "asr"];

    public static ModelManifest Validate(ManifestDocument doc, string source)
    {
        if (doc.SchemaVersion != SupportedSchemaVersion)
        {
            throw Fail(source, $"schemaVersion is {doc.SchemaVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}; this build reads version {SupportedSchemaVersion}");
        }

        if (doc.Models is null || doc.Models.Count == 0)
        {
            throw Fail(source, "'models' is missing or empty");
        }

        var models = new List<ModelEntry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Models.Count; i++)
        {
            var model = doc.Models[i] ?? throw Fail(source, $"models[{i}] is null");
            var entry = ValidateModel(model, $"models[{i}]", source);
            if (!names.Add(entry.Name))
            {
                throw Fail(source, $"model name '{entry.Name}' appears twice");
            }

            models.Add(entry);
        }

        return new ModelManifest(SupportedSchemaVersion, models);
    }

    private static ModelEntry ValidateModel(ModelDocument m, string where, string source)
    {
        var name = Text(m.Name, $"{where}.name", source);
        where = $"model '{name}'";
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.'))
        {
            throw Fail(source, $"{where}: the name is used as a folder name and must not contain '/' or '\\' or start with '.'");
        }

        var kind = Text(m.Kind, $"{where}.kind", source);
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw Fail(source, $"{where}: kind '{kind}' is not one of {string.Join(", ", Kinds)}");
        }

        if (m.SampleRate is not > 0)
        {
            throw Fail(source, $"{where}: sampleRate must be a positive number of Hz");
        }

        var archive = m.Archive is null ? null : ValidateArchive(m.Archive, where, source);
        if (m.Files is null || m.Files.Count == 0)
        {
            throw Fail(source, $"{where}: 'files' is missing or empty");
        }

        var files = new List<ModelFile>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in m.Files)
        {
            var file = ValidateFile(f ?? throw Fail(source, $"{where}: a files[] entry is null"), where, source);
            if (!paths.Add(file.Path))
            {
                throw Fail(source, $"{where}: file '{file.Path}' is listed twice");
            }

            if (archive is null && file.Url is null)
            {
                throw Fail(source, $"{where}: file '{file.Path}' has no url and the model has no archive");
            }

            files.Add(file);
        }

        if (!files.Any(f => f.Required))
        {
            throw Fail(source, $"{where}: no file is marked required");
        }

        return new ModelEntry(
            name,
            Text(m.Version, $"{where}.version", source),
            kind,
            Text(m.Language, $"{where}.language", source),
            m.SampleRate.Value,
            Text(m.License, $"{where}.license", source),
            Url(m.OfficialUrl, $"{where}.officialUrl", source),
            archive,
            files,
            m.Notes,
            m.IsDefault ?? false);
    }

    private static ModelArchive ValidateArchive(ArchiveDocument a, string where, string source)
    {
        var format = a.Format switch
        {
            "zip" => ArchiveFormat.Zip,
            "tar.bz2" => ArchiveFormat.TarBz2,
            _ => throw Fail(source, $"{where}: archive.format '{a.Format}' is not 'zip' or 'tar.bz2'"),
        };
        var root = a.RootFolder is null ? null : RelativePath(a.RootFolder, $"{where}.archive.rootFolder", source);
        return new ModelArchive(
            format,
            Url(a.Url, $"{where}.archive.url", source),
            Sha(a.Sha256, $"{where}.archive.sha256", source),
            Size(a.Size, $"{where}.archive.size", source),
            root,
            a.IncludeUnlisted ?? false);
    }

    private static ModelFile ValidateFile(FileDocument f, string where, string source)
    {
        var path = RelativePath(Text(f.Path, $"{where}: files[].path", source), $"{where}: file path", source);
        return new ModelFile(
            path,
            Size(f.Size, $"{where}: file '{path}' size", source),
            Sha(f.Sha256, $"{where}: file '{path}' sha256", source),
            f.Required ?? throw Fail(source, $"{where}: file '{path}' has no 'required' flag"),
            f.Url is null ? null : Url(f.Url, $"{where}: file '{path}' url", source));
    }

    private static string Text(string? value, string field, string source) =>
        string.IsNullOrWhiteSpace(value) ? throw Fail(source, $"{field} is missing or empty") : value;

    private static Uri Url(string? value, string field, string source) =>
        Uri.TryCreate(Text(value, field, source), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw Fail(source, $"{field} '{value}' is not an absolute http(s) URL");

    private static string? Sha(string? value, string field, string source)
    {
        if (value is null)
        {
            return null;
        }

        var ok = value.Length == 64 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
        return ok ? value : throw Fail(source, $"{field} must be 64 lower-case hex digits or null");
    }

    private static long? Size(long? value, string field, string source) =>
        value is null or >= 0 ? value : throw Fail(source, $"{field} must not be negative");

    private static string RelativePath(string value, string field, string source)
    {
        var parts = value.Split('/');
        var bad = value.Contains('\\', StringComparison.Ordinal) || value.StartsWith('/')
            || parts.Any(p => p.Length == 0 || p == "." || p == "..");
        return bad ? throw Fail(source, $"{field} '{value}' must be a relative path with '/' separators and no '.', '..' or empty parts") : value;
    }

    private static ModelManifestException Fail(string source, string problem) => new(source, problem);
}
