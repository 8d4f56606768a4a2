using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CallMonitor.Storage.Errors;

namespace CallMonitor.Storage.Postgres.Calls;

/// <summary>Keyset paging token: the start time (microseconds since 1970, UTC) and id of the last call on the page, opaque to clients.</summary>
internal readonly record struct PostgresCallPageToken(long StartedAtMicroseconds, string CallId)
{
    private const string Prefix = "p1:";

    public string Encode() => Base64Url.EncodeToString(
        Encoding.UTF8.GetBytes($"{Prefix}{StartedAtMicroseconds.ToString(CultureInfo.InvariantCulture)}:{CallId}"));

    public static PostgresCallPageToken Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var separator = text.Length > Prefix.Length ? text.IndexOf(':', Prefix.Length) : -1;
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && separator > Prefix.Length
                && long.TryParse(text.AsSpan(Prefix.Length, separator - Prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var startedAt))
            {
                return new PostgresCallPageToken(startedAt, text[(separator + 1)..]);
            }
        }
        catch (FormatException ex)
        {
            throw Invalid(ex);
        }

        throw Invalid(null);
    }

    private static InvalidPageTokenException Invalid(Exception? inner) => new(
        "The page token was not issued by this call store (or was altered); list again without a page token to start from the first page.",
        inner);
}
