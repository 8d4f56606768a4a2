using System.Text.Json;
using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Vosk.Native;

namespace CallMonitor.Engines.Vosk.Results;

/// <summary>Reads the JSON vosk returns from its result, final-result and partial-result calls.</summary>
internal static class VoskResultParser
{
    /// <summary>A result or final result, in either the one-best or the N-best shape.</summary>
    /// <exception cref="EngineUnavailableException">The text is not the JSON vosk documents.</exception>
    public static VoskFinalResult ParseFinal(string json)
    {
        var output = Deserialize(json);
        if (output.Alternatives is { } alternatives)
        {
            return new VoskFinalResult(alternatives
                .Select(a => new VoskHypothesis(TokenTextJoiner.JoinSpaced(a.Text), ToWords(a.Result), a.Confidence))
                .ToArray());
        }

        var words = ToWords(output.Result);
        var text = output.Text is not null ? TokenTextJoiner.JoinSpaced(output.Text) : TokenTextJoiner.Join(words.Select(w => w.Text));
        return new VoskFinalResult([new VoskHypothesis(text, words, null)]);
    }

    /// <summary>A partial result.</summary>
    /// <exception cref="EngineUnavailableException">The text is not the JSON vosk documents.</exception>
    public static VoskPartialResult ParsePartial(string json)
    {
        var output = Deserialize(json);
        return new VoskPartialResult(TokenTextJoiner.JoinSpaced(output.Partial), ToWords(output.PartialResult));
    }

    private static VoskJsonOutput Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, VoskJsonContext.Default.VoskJsonOutput)
                ?? throw new JsonException("null document");
        }
        catch (JsonException ex)
        {
            var shown = json.Length > 200 ? json[..200] + "…" : json;
            throw new EngineUnavailableException(
                VoskLibrary.EngineName,
                $"vosk returned output this binding cannot read ({ex.Message}): '{shown}'; check that libvosk is the release "
                + "scripts/install-native.sh installs",
                ex);
        }
    }

    private static VoskWord[] ToWords(List<VoskJsonWord>? words) =>
        words is null
            ? []
            : words.Where(w => !string.IsNullOrWhiteSpace(w.Word))
                .Select(w => new VoskWord(w.Word!, w.Start, Math.Max(w.Start, w.End), w.Conf))
                .ToArray();
}
