using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CallMonitor.Storage.Errors;

namespace CallMonitor.Storage.Sqlite;

/// <summary>Keyset paging token: the start time and id of the last call on the page, opaque to clients.</summary>
internal readonly record struct CallPageToken(long StartedAt, string CallId)
{
    private const string Prefix = "c1:";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Prefix}{StartedAt.ToString(CultureInfo.InvariantCulture)}:{CallId}"));

    public static CallPageToken Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var separator = text.IndexOf(':', Prefix.Length);
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && separator > Prefix.Length
                && long.TryParse(text.AsSpan(Prefix.Length, separator - Prefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var startedAt))
            {
                return new CallPageToken(startedAt, text[(separator + 1)..]);
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
