using System.Globalization;
using CallMonitor.Benchmarks.Cli;
using CallMonitor.Benchmarks.Compliance;
using CallMonitor.Benchmarks.Kws;
using CallMonitor.Benchmarks.Live;
using CallMonitor.Benchmarks.Load;
using CallMonitor.Benchmarks.Matcher;
using CallMonitor.Domain.Errors;

// callmonitor-bench: corpus benchmarks on calls built from ../shared/audio. Prints figures, asserts nothing.
const string Usage = "usage: callmonitor-bench kws|compliance|matcher|live|load [options]   (callmonitor-bench <command> --help for the options)";
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // figures print the same everywhere
try
{
    return args switch
    {
        ["kws", "--help"] => Help(KwsBenchOptions.Usage),
        ["kws", .. var rest] => KwsBenchmark.Run(rest, Console.Out),
        ["compliance", "--help"] => Help(ComplianceBenchOptions.Usage),
        ["compliance", .. var rest] => ComplianceBenchmark.Run(rest, Console.Out),
        ["matcher", "--help"] => Help(MatcherBenchmark.Usage),
        ["matcher", .. var rest] => MatcherBenchmark.Run(rest, Console.Out),
        ["live", "--help"] => Help(LiveBenchOptions.Usage),
        ["live", .. var rest] => LiveBenchmark.Run(rest, Console.Out),
        ["load", "--help"] => Help(LoadBenchOptions.Usage),
        ["load", .. var rest] => LoadBenchmark.Run(rest, Console.Out),
        _ => Fail(Usage),
    };
}
catch (BenchUsageException ex)
{
    return Fail($"{ex.Message}\n{Usage}");
}
catch (CallMonitorException ex)
{
    return Fail($"error: {ex.Message}");
}
catch (LiveBenchException ex)
{
    return Fail($"error: {ex.Message}");
}

static int Help(string text)
{
    Console.WriteLine(text);
    return 0;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
