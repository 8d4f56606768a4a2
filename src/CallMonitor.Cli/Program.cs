using CallMonitor.Cli;
using CallMonitor.Engines.Native;

// Before any engine allocates: one malloc arena per core keeps the native engines' memory from growing per thread.
NativeHeap.LimitArenas(Environment.ProcessorCount);
return await CliApplication.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
