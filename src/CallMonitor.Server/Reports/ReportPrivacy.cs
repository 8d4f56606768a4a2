using CallMonitor.Chinese.Privacy;
using CallMonitor.Domain.Events;
using CallMonitor.Reporting.Privacy;
using CallMonitor.Reporting.Reports;

namespace CallMonitor.Server.Reports;

/// <summary>
/// Masks phone, ID-card and bank-card numbers spoken in a call before anything of it is stored or announced: report,
/// transcript, violation evidence. On by default; <see cref="Disabled"/> keeps the text as spoken.
/// </summary>
public sealed class ReportPrivacy
{
    private readonly SensitiveNumberMasker? _masker;

    private ReportPrivacy(SensitiveNumberMasker? masker) => _masker = masker;

    public static ReportPrivacy Default { get; } = new(new SensitiveNumberMasker());

    public static ReportPrivacy Disabled { get; } = new(null);

    public bool Enabled => _masker is not null;

    public CallReport Mask(CallReport report) => _masker is null ? report : ReportMasking.Mask(report, _masker);

    public ViolationDetected Mask(ViolationDetected violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return _masker is null ? violation : violation with { Evidence = _masker.Mask(violation.Evidence) };
    }
}
