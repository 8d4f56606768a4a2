using System.Globalization;
using System.Text.RegularExpressions;
using CallMonitor.Storage.Errors;
using Npgsql;

namespace CallMonitor.Storage.Postgres.Connections;

/// <summary>
/// The connection string checked and turned into a data source, plus a description of the server for messages.
/// No message built here ever contains the password.
/// </summary>
internal static partial class PostgresConnectionSettings
{
    /// <summary>Parses <paramref name="connectionString"/>; throws <see cref="StorageConfigurationException"/> when it is unusable.</summary>
    public static (NpgsqlConnectionStringBuilder Builder, string Target) Parse(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new StorageConfigurationException(
                $"The PostgreSQL connection string is not valid ({HidePassword(ex.Message, connectionString)}); "
                + "expected keywords such as Host=…;Port=5432;Database=…;Username=…;Password=…");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StorageConfigurationException(
                "The PostgreSQL connection string names no Host; add Host=<server name or address> (and Database=, Username=).");
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "CallMonitor";
        }

        return (builder, Describe(builder));
    }

    /// <summary>"PostgreSQL at host:port, database name" — what the operator needs to find the server.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var database = builder.Database ?? builder.Username ?? "(default)";
        return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL at {builder.Host}:{builder.Port}, database '{database}'");
    }

    /// <summary>Replaces the password value, if the raw string has one, wherever it appears in <paramref name="message"/>.</summary>
    internal static string HidePassword(string message, string connectionString)
    {
        var trimmed = message.TrimEnd('.');
        foreach (Match match in PasswordPattern().Matches(connectionString))
        {
            var secret = match.Groups["value"].Value.Trim().Trim('\'', '"');
            if (secret.Length > 0)
            {
                trimmed = trimmed.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return trimmed;
    }

    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd)\s*=(?<value>[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPattern();
}
