using CallMonitor.Compliance.Rules;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Compliance.Packs;

/// <summary>
/// Turns pack text into one YAML document, refusing what could hurt the host before a node tree is built:
/// nesting deeper than <see cref="RulePackLimits.MaxDepth"/> and syntax errors, both with their line.
/// </summary>
internal static class YamlGuard
{
    public static YamlMappingNode LoadRoot(string yaml, string source)
    {
        CheckDepth(yaml, source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw Syntax(source, ex);
        }

        if (stream.Documents.Count != 1)
        {
            throw new RulePackException(source, null, null, $"a rule pack is one YAML document, found {stream.Documents.Count}");
        }

        var root = stream.Documents[0].RootNode;
        return root as YamlMappingNode
            ?? throw new RulePackException(source, (int)root.Start.Line, (int)root.Start.Column, "a rule pack must be a mapping with id, version, locale and rules");
    }

    private static void CheckDepth(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > RulePackLimits.MaxDepth)
                        {
                            var at = parser.Current.Start;
                            throw new RulePackException(source, (int)at.Line, (int)at.Column, $"the pack nests lists and mappings more than {RulePackLimits.MaxDepth} deep; a rule pack needs far fewer levels");
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            throw Syntax(source, ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some broken input (an unclosed
            // '[' in a block list); the last event it did read is the best location there is.
            var (line, column) = NextToken(yaml, last);
            throw new RulePackException(source, line, column,
                "not valid YAML: look for an unclosed '[', '{' or quote here", ex);
        }
    }

    /// <summary>Line and column (1-based) of the first non-blank character after <paramref name="mark"/>.</summary>
    private static (int Line, int Column) NextToken(string yaml, Mark mark)
    {
        var line = (int)mark.Line;
        var column = (int)mark.Column;
        for (var i = (int)Math.Min(mark.Index, yaml.Length); i < yaml.Length; i++)
        {
            if (yaml[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (char.IsWhiteSpace(yaml[i]))
            {
                column++;
            }
            else
            {
                return (line, column);
            }
        }

        return (line, column);
    }

    private static RulePackException Syntax(string source, YamlException ex)
    {
        var problem = ex.InnerException is { } inner && ex.Message.Contains("See inner exception", StringComparison.Ordinal)
            ? inner.Message
            : ex.Message;
        return new RulePackException(source, (int)ex.Start.Line, (int)ex.Start.Column, $"not valid YAML: {problem}", ex);
    }
}
