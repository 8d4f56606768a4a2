namespace CallMonitor.Benchmarks.Compliance;

/// <summary>
/// One call of the compliance corpus: <c>NN-slug.expected.json</c> and its <c>NN-slug.transcript.json</c>; a call
/// marked <c>"audio": "render:&lt;script&gt;"</c> is rendered by the test kit and its transcript comes from the script.
/// </summary>
internal sealed record CorpusCall(
    string Name,
    string CallId,
    string Description,
    string? TranscriptPath,
    string? RenderScript,
    IReadOnlyList<ExpectedViolation> Expected);
