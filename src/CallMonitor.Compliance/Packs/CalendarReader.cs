using System.Globalization;
using CallMonitor.Compliance.Rules;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Compliance.Packs;

/// <summary>
/// Reads the pack's holiday <c>calendar</c> (dates -> greetings) and its phrase <c>metrics</c>.
/// </summary>
internal sealed class CalendarReader(PackNodes nodes, PhraseReader phrases)
{
    public List<HolidayGreeting> Calendar(YamlNode node)
    {
        var result = new List<HolidayGreeting>();
        foreach (var item in nodes.Sequence(node, "calendar").Children)
        {
            var map = nodes.Mapping(item, "a calendar entry");
            nodes.OnlyKeys(map, "a calendar entry", ["name", "date", "from", "to", "greetings"]);
            var name = nodes.NonEmptyString(nodes.Required(map, "name", "a calendar entry"), "the name of a calendar entry");
            var what = $"calendar entry '{name}'";
            var single = PackNodes.Optional(map, "date");
            var fromNode = PackNodes.Optional(map, "from");
            var toNode = PackNodes.Optional(map, "to");
            if (single is not null ? fromNode is not null || toNode is not null : fromNode is null || toNode is null)
            {
                throw nodes.Error(map, $"{what} needs either 'date' or both 'from' and 'to'");
            }

            var (from, fromEveryYear) = Date(single ?? fromNode!, what);
            var (to, toEveryYear) = single is null ? Date(toNode!, what) : (from, fromEveryYear);
            if (fromEveryYear != toEveryYear)
            {
                throw nodes.Error(toNode!, $"{what} mixes a yearly date (MM-DD) with a dated one (YYYY-MM-DD); write both the same way");
            }

            if (!fromEveryYear && to < from)
            {
                throw nodes.Error(toNode!, $"{what} ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
            }

            var greetings = phrases.ReadSet(nodes.Required(map, "greetings", what), "greetings", $"the greetings of {what}", allowPatterns: false);
            result.Add(new HolidayGreeting(name, greetings.Phrases, from, to, fromEveryYear));
        }

        return result;
    }

    public List<PhraseMetric> Metrics(YamlNode node)
    {
        var result = new List<PhraseMetric>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in nodes.Sequence(node, "metrics").Children)
        {
            var map = nodes.Mapping(item, "a metric");
            nodes.OnlyKeys(map, "a metric", ["id", "description", "source", "phrases"]);
            var idNode = nodes.Required(map, "id", "a metric");
            var id = nodes.NonEmptyString(idNode, "a metric id");
            if (!ids.Add(id))
            {
                throw nodes.Error(idNode, $"duplicate metric id '{id}'");
            }

            var what = $"metric '{id}'";
            var description = nodes.NonEmptyString(nodes.Required(map, "description", what), $"the description of {what}");
            var sources = nodes.Sources(nodes.Required(map, "source", what), what);
            var set = phrases.ReadSet(nodes.Required(map, "phrases", what), "phrases", $"the phrases of {what}", allowPatterns: false);
            result.Add(new PhraseMetric(id, description, sources, set.Phrases));
        }

        return result;
    }

    private (DateOnly Date, bool EveryYear) Date(YamlNode node, string what)
    {
        var text = nodes.String(node, $"a date of {what}");
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, false);
        }

        var parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && parts[0].Length == 2 && parts[1].Length == 2
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month))
        {
            return (HolidayGreeting.Recurring(month, day), true);
        }

        throw nodes.Error(node, $"'{text}' in {what} is not a date; write YYYY-MM-DD for one year or MM-DD for every year (quote MM-DD: \"10-01\")");
    }
}
