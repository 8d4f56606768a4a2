namespace CallMonitor.Chinese.Privacy;

/// <summary>What stands between a digit and the one before it in the same run.</summary>
internal enum GapKind : byte
{
    /// <summary>Nothing: the digits touch.</summary>
    None,

    /// <summary>Spaces, hyphens or a closing parenthesis: how a number is grouped when written.</summary>
    Tight,

    /// <summary>A comma or 、: groups of a number, or items of a list.</summary>
    List,
}
