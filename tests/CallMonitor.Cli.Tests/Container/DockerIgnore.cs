using System.Text;
using System.Text.RegularExpressions;

namespace CallMonitor.Cli.Tests.Container;

/// <summary>
/// The .dockerignore rules as Docker applies them: each pattern is cleaned (a trailing '/' dropped), '*' matches
/// within one path segment, '**' any number of segments, a pattern also excludes everything under a folder it
/// matches, '!' lets a path back in, and the last matching pattern wins.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _rules = [];

    public DockerIgnore(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclude = !line.StartsWith('!');
            var pattern = (exclude ? line : line[1..]).Trim().Trim('/');
            _rules.Add((new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant), exclude));
        }
    }

    /// <summary>Whether <paramref name="relativePath"/> (forward slashes, from the context root) is left out.</summary>
    public bool IsIgnored(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Trim('/');
        var ignored = false;
        foreach (var (pattern, exclude) in _rules)
        {
            if (MatchesOrParentMatches(pattern, path))
            {
                ignored = exclude;
            }
        }

        return ignored;
    }

    private static bool MatchesOrParentMatches(Regex pattern, string path)
    {
        var segments = path.Split('/');
        for (var n = segments.Length; n >= 1; n--)
        {
            if (pattern.IsMatch(string.Join('/', segments.Take(n))))
            {
                return true;
            }
        }

        return false;
    }

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return sb.ToString();
    }
}
