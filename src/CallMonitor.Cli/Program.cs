using CallMonitor.Cli;

return await CliApplication.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
