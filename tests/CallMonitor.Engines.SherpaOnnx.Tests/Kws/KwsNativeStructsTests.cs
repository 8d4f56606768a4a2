using System.Runtime.InteropServices;
using CallMonitor.Engines.SherpaOnnx.Kws;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

[TestFixture]
public sealed class KwsNativeStructsTests
{
    [Test]
    public void NativeStructs_On64BitProcess_HaveTheCHeaderOffsets()
    {
        if (!Environment.Is64BitProcess)
        {
            Assert.Ignore("offsets below are those of the x64/arm64 ABI");
        }

        Assert.Multiple(() =>
        {
            // Six pointers of the three model sub-structs, then tokens; int32 fields are padded to 8 before a pointer.
            Assert.That(Marshal.OffsetOf<NativeOnlineModelConfig>(nameof(NativeOnlineModelConfig.Tokens)), Is.EqualTo((nint)48));
            Assert.That(Marshal.OffsetOf<NativeOnlineModelConfig>(nameof(NativeOnlineModelConfig.Provider)), Is.EqualTo((nint)64));
            Assert.That(Marshal.OffsetOf<NativeOnlineModelConfig>(nameof(NativeOnlineModelConfig.TokensBufSize)), Is.EqualTo((nint)112));
            Assert.That(Marshal.SizeOf<NativeOnlineModelConfig>(), Is.EqualTo(136));
            Assert.That(Marshal.OffsetOf<NativeKeywordSpotterConfig>(nameof(NativeKeywordSpotterConfig.MaxActivePaths)), Is.EqualTo((nint)144));
            Assert.That(Marshal.OffsetOf<NativeKeywordSpotterConfig>(nameof(NativeKeywordSpotterConfig.KeywordsFile)), Is.EqualTo((nint)160));
            Assert.That(Marshal.SizeOf<NativeKeywordSpotterConfig>(), Is.EqualTo(184));
            Assert.That(Marshal.OffsetOf<NativeKeywordResult>(nameof(NativeKeywordResult.Timestamps)), Is.EqualTo((nint)32));
            Assert.That(Marshal.SizeOf<NativeKeywordResult>(), Is.EqualTo(56));
        });
    }
}
