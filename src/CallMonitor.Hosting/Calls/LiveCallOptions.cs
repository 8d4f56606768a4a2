using CallMonitor.Compliance.Engine;
using CallMonitor.Pipeline.Sessions;

namespace CallMonitor.Hosting.Calls;

/// <summary>One live call: its pipeline (audio, engines) and the compliance engine that judges it.</summary>
/// <param name="Pipeline">Call id, channel layout, detectors and speech engines.</param>
/// <param name="Compliance">The compiled rule pack in force when the call started (the call keeps it to the end).</param>
/// <param name="Context">What the rules need to know about the call (its local start time).</param>
public sealed record LiveCallOptions(CallPipelineOptions Pipeline, ComplianceEngine Compliance, CallContext Context);
