namespace CallMonitor.Models;

/// <summary>One native engine library as doctor shows it.</summary>
/// <param name="Library">The folder name under .native/ ("sherpa-onnx", "vosk").</param>
/// <param name="Package">The npm package the files came from, per the marker.</param>
/// <param name="Files">The library files the marker lists (relative to <paramref name="Directory"/>).</param>
/// <param name="InstallHint">What to run to install or repair it; null when nothing is needed.</param>
public sealed record NativeLibraryStatus(
    string Library,
    NativeLibraryState State,
    string? Package,
    string? Version,
    string Directory,
    IReadOnlyList<string> Files,
    string? Detail,
    string? InstallHint)
{
    public bool IsUsable => State == NativeLibraryState.Installed;
}
