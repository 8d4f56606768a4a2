using static CallMonitor.Acoustics.Tests.Rate.RateMeasurement;

namespace CallMonitor.Acoustics.Tests.Rate;

/// <summary>
/// Syllable counts on the single voice-bank units the calls are built from. The estimator's constants were chosen on
/// the even-indexed units; these tests use the odd-indexed ones, which calibration never saw.
/// </summary>
[Category("Integration")]
public class VoiceBankRateTests
{
    [Test]
    public void FindNuclei_HeldOutAgentWords_TotalWithinFifteenPercentOfCharacters()
    {
        var bank = RequireRealAudio();
        var (count, chars) = CountHeldOut(bank.AgentUnits.Select(kv => (kv.Key.Length, kv.Value)));

        Print($"agent words (odd half): {count} nuclei for {chars} characters ({Error(count, chars):+0.0%;-0.0%})");
        Assert.That(Math.Abs(Error(count, chars)), Is.LessThanOrEqualTo(0.15));
    }

    [Test]
    public void FindNuclei_HeldOutCustomerSyllables_TotalWithinFifteenPercentOfSyllables()
    {
        var bank = RequireRealAudio();
        var (count, chars) = CountHeldOut(bank.CustomerUnits.Select(kv => (1, kv.Value)));

        Print($"customer syllables (odd half): {count} nuclei for {chars} syllables ({Error(count, chars):+0.0%;-0.0%})");
        Assert.That(Math.Abs(Error(count, chars)), Is.LessThanOrEqualTo(0.15));
    }

    private static (int Count, int Characters) CountHeldOut(IEnumerable<(int Characters, string Path)> units)
    {
        int count = 0, chars = 0;
        foreach (var (characters, path) in units.Where((_, i) => i % 2 == 1))
        {
            count += Estimator.FindNuclei(TestKit.Audio.ClipLoader.Load16kMono(path)).Count;
            chars += characters;
        }

        return (count, chars);
    }
}
