using CallMonitor.Audio.Errors;
using CallMonitor.Domain.Errors;

namespace CallMonitor.Cli.Infrastructure;

/// <summary>
/// Runs a command's body and turns every failure into one line on stderr and an exit code: a person sees what
/// is wrong with which file, never a stack trace (set CALLMONITOR_DEBUG=1 to get one).
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (AudioException e)
        {
            return Fail(e, e.Message, ExitCodes.BadInput);
        }
        catch (EngineUnavailableException e)
        {
            return Fail(e, e.Message, ExitCodes.EngineUnavailable);
        }
        catch (CallMonitorException e)
        {
            return Fail(e, e.Message, ExitCodes.BadInput);
        }
        catch (UsageException e)
        {
            return Fail(e, e.Message, ExitCodes.Usage);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("callmonitor: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (IOException e)
        {
            return Fail(e, e.Message, ExitCodes.BadInput);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(e, e.Message, ExitCodes.BadInput);
        }
        catch (Exception e)
        {
            return Fail(e, $"internal error ({e.GetType().Name}): {e.Message}", ExitCodes.InternalError);
        }
    }

    private static int Fail(Exception e, string message, int code)
    {
        Console.Error.WriteLine($"callmonitor: error: {OneLine(message)}");
        if (Environment.GetEnvironmentVariable("CALLMONITOR_DEBUG") == "1")
        {
            Console.Error.WriteLine(e);
        }

        return code;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
