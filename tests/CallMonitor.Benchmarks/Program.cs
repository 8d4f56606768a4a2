Console.Error.WriteLine("usage: callmonitor-bench <kws|compliance|matcher> [options]");
return 2;
