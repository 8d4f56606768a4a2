using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Rules;

/// <summary>Log messages of rule pack management (source-generated).</summary>
internal static partial class RulesLog
{
    [LoggerMessage(201, LogLevel.Information, "Rule pack in force: {PackId} {Version} (revision {Revision}, {Rules} rules)")]
    public static partial void PackInForce(ILogger logger, string packId, string version, long revision, int rules);

    [LoggerMessage(202, LogLevel.Error, "The published rule pack {PackId} {Version} (revision {Revision}) no longer loads, so the built-in pack is in force; publish a corrected pack. {Problem}")]
    public static partial void StoredPackUnusable(ILogger logger, string packId, string version, long revision, string problem);

    [LoggerMessage(203, LogLevel.Information, "Rule pack {PackId} {Version} published by {PublishedBy} (revision {Revision}); it replaces {PreviousId} {PreviousVersion} for calls starting from now")]
    public static partial void PackPublished(ILogger logger, string packId, string version, string publishedBy, long revision, string previousId, string previousVersion);

    [LoggerMessage(204, LogLevel.Warning, "Rule pack publish refused: {Reason}")]
    public static partial void PublishRefused(ILogger logger, string reason);

    [LoggerMessage(205, LogLevel.Information, "Rule pack {PackId} {Version} (revision {Revision}) retired: its last call ended and its engines were released")]
    public static partial void GenerationReleased(ILogger logger, string packId, string version, long revision);

    [LoggerMessage(206, LogLevel.Warning, "Rule pack {PackId} {Version}: {Warning}")]
    public static partial void EngineWarning(ILogger logger, string packId, string version, string warning);

    [LoggerMessage(207, LogLevel.Error, "Rule pack publish failed")]
    public static partial void PublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(208, LogLevel.Warning, "Could not check the shared store for a newer rule pack ({Reason}); the pack in force stays")]
    public static partial void RefreshFailed(ILogger logger, string reason);
}
