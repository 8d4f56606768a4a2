namespace CallMonitor.Reporting.Html;

/// <summary>The report's inline style sheet (no external assets; prints on A4).</summary>
internal static class ReportCss
{
    public const string Text = """
        body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1d2433; background: #f5f6f8; }
        main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
        header.top { display: flex; justify-content: space-between; align-items: center; background: #fff; border-radius: 8px; padding: 16px 24px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
        header.top h1 { font-size: 20px; margin: 0 0 6px; }
        header.top dl { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0; font-size: 13px; color: #4a5468; }
        header.top dt { font-weight: 600; }
        header.top dd { margin: 0; }
        .score-big { text-align: right; }
        .score-big .value { font-size: 48px; font-weight: 700; line-height: 1; }
        .score-big .of { font-size: 16px; color: #4a5468; }
        .score-big .note { font-size: 12px; color: #6b7385; max-width: 260px; }
        section { background: #fff; border-radius: 8px; padding: 12px 24px 16px; margin-top: 16px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
        h2 { font-size: 16px; margin: 4px 0 10px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { border-bottom: 1px solid #e3e6ec; padding: 5px 6px; text-align: left; vertical-align: top; }
        th { background: #f0f2f6; font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        tr.section-row td { background: #f7f8fb; font-weight: 600; }
        tr.manual td { color: #6b7385; }
        .badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 11px; background: #e8ebf1; color: #4a5468; white-space: nowrap; }
        .badge.manual { background: #fff4d6; color: #7a5a00; }
        .sev-critical { background: #b3261e; color: #fff; }
        .sev-major { background: #e8590c; color: #fff; }
        .sev-minor { background: #f2c94c; color: #3b2f00; }
        .sev-info { background: #4c8bf5; color: #fff; }
        .sev-other { background: #8a94a6; color: #fff; }
        svg.timeline { width: 100%; height: auto; display: block; }
        svg.timeline .agent { fill: #3c78d8; }
        svg.timeline .customer { fill: #38a169; }
        svg.timeline .mixed { fill: #805ad5; }
        svg.timeline .silence { fill: #d5d9e0; }
        svg.timeline .label, svg.timeline .tick { font-size: 11px; fill: #4a5468; }
        svg.timeline .axis { stroke: #b8bfcc; stroke-width: 1; }
        svg.timeline .marker.sev-critical { fill: #b3261e; }
        svg.timeline .marker.sev-major { fill: #e8590c; }
        svg.timeline .marker.sev-minor { fill: #d4a514; }
        svg.timeline .marker.sev-info { fill: #4c8bf5; }
        svg.timeline .marker.sev-other { fill: #8a94a6; }
        .legend { font-size: 12px; color: #4a5468; margin-top: 4px; }
        .legend span { margin-right: 14px; }
        .transcript .utt { display: grid; grid-template-columns: 110px 70px 1fr; gap: 8px; padding: 4px 0; border-bottom: 1px solid #eef0f4; font-size: 14px; }
        .transcript .utt.flagged { background: #fff7f0; }
        .transcript .time { color: #6b7385; font-size: 12px; white-space: nowrap; }
        .transcript .who.agent { color: #3c78d8; font-weight: 600; }
        .transcript .who.customer { color: #38a169; font-weight: 600; }
        mark { background: #ffd54f; padding: 0 1px; border-radius: 2px; }
        mark.sev-critical, mark.sev-major { background: #ffb199; color: inherit; }
        .muted { color: #6b7385; font-size: 13px; }
        ul.engines { margin: 0; padding-left: 18px; font-size: 13px; }
        @media print { body { background: #fff; } section, header.top { box-shadow: none; border: 1px solid #ddd; } }
        """;
}
