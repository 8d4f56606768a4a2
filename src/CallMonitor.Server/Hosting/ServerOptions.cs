using CallMonitor.Server.Limits;

namespace CallMonitor.Server.Hosting;

/// <summary>How the service listens and what each call may send.</summary>
public sealed record ServerOptions
{
    /// <summary>Listen addresses; <c>http://</c> is HTTP/2 without TLS (h2c). Port 0 picks a free port.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5005"];

    /// <summary>Speech engines to start (<c>auto</c>: every installed one; <c>none</c>: acoustics and supplied transcripts only).</summary>
    public IReadOnlyList<string> Engines { get; init; } = ["auto"];

    /// <summary>Largest audio chunk accepted, bytes.</summary>
    public int MaxChunkBytes { get; init; } = 64 * 1024;

    /// <summary>When analysis falls this far behind the received audio the call is told (and again when it recovers).</summary>
    public TimeSpan BacklogWarning { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Updates waiting for the response stream before the producers wait (one writer per stream).</summary>
    public int UpdateQueueCapacity { get; init; } = 256;

    /// <summary>Folder of the embedded database (calls, violations, reports, event log); created when missing.</summary>
    public string DataDirectory { get; init; } = "callmonitor-data";

    /// <summary>Events a supervisor subscription may have waiting before it is told it fell behind.</summary>
    public int SubscriberQueueCapacity { get; init; } = 1024;

    /// <summary>Mask phone, ID-card and bank-card numbers in stored transcripts, reports and events (default on).</summary>
    public bool MaskSensitiveNumbers { get; init; } = true;

    /// <summary>Server certificate for https:// URLs: a PFX/PKCS#12 file, or a PEM certificate with <see cref="CertificateKeyPath"/>.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>Private key (PEM) of a PEM certificate.</summary>
    public string? CertificateKeyPath { get; init; }

    /// <summary>Password of the PFX file or of the encrypted PEM key.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>API key file (YAML); null runs the service open (every caller is treated as an administrator).</summary>
    public string? ApiKeysPath { get; init; }

    /// <summary>Per-key limits: open calls and subscriptions, idle streams, speed.</summary>
    public CallLimitOptions Limits { get; init; } = new();

    /// <summary>
    /// Multi-node mode: the Redis server (StackExchange.Redis configuration, e.g. <c>redis:6379</c>) whose stream every
    /// node appends events to and reads them from. Null: the embedded event log of this machine.
    /// </summary>
    public string? Redis { get; init; }

    /// <summary>
    /// Multi-node mode: the PostgreSQL connection string of the store every node shares for calls, reports,
    /// transcripts and rule packs. Null: the embedded SQLite database in <see cref="DataDirectory"/>.
    /// </summary>
    public string? SharedStore { get; init; }

    /// <summary>With a shared store: how often a node checks it for a rule pack another node published.</summary>
    public TimeSpan RulePackRefresh { get; init; } = TimeSpan.FromSeconds(5);

    /// <exception cref="ArgumentException">No URL, or a limit below 1, or an https:// URL without a certificate.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Urls);
        ArgumentNullException.ThrowIfNull(Engines);
        if (Urls.Count == 0 || Urls.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("give at least one listen URL, such as http://127.0.0.1:5005", nameof(Urls));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChunkBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(UpdateQueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriberQueueCapacity, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(DataDirectory);
        if (CertificatePath is null && Urls.Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException("an https:// URL needs a server certificate: give --cert (PFX, or PEM with --cert-key)", nameof(CertificatePath));
        }

        if (CertificatePath is not null && !File.Exists(CertificatePath))
        {
            throw new ArgumentException($"certificate file not found: {CertificatePath}", nameof(CertificatePath));
        }

        if (CertificateKeyPath is not null && !File.Exists(CertificateKeyPath))
        {
            throw new ArgumentException($"certificate key file not found: {CertificateKeyPath}", nameof(CertificateKeyPath));
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BacklogWarning, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(Limits);
        Limits.Validate();
        if (Redis is not null && string.IsNullOrWhiteSpace(Redis))
        {
            throw new ArgumentException("--redis needs a server, such as 127.0.0.1:6379", nameof(Redis));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RulePackRefresh, TimeSpan.Zero);
        if (SharedStore is not null && string.IsNullOrWhiteSpace(SharedStore))
        {
            throw new ArgumentException("--shared-store needs a PostgreSQL connection string, such as \"Host=db;Database=callmonitor;Username=callmonitor\"", nameof(SharedStore));
        }
    }
}
