using System.Runtime.InteropServices;
using Ticketing.DropSimulator;
using Ticketing.DropSimulator.Options;

var parsed = OptionsParser.Parse(args);
if (parsed.HelpRequested)
{
    Console.WriteLine(HelpText.Usage);
    return 0;
}

if (parsed.Options is not { } options)
{
    Console.Error.WriteLine($"drop simulator: {parsed.Error}");
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}

var repo = RepoLocator.Find(options.Repo);
if (options.Repo is not null && repo is null)
{
    Console.Error.WriteLine($"drop simulator: --repo {options.Repo} is not the Ticketing repository (no Ticketing.sln and api-gateway/)");
    return 2;
}

if (options.Start != StartMode.None && repo is null)
{
    Console.Error.WriteLine($"drop simulator: --start {options.Start.ToString().ToLowerInvariant()} needs the Ticketing repository; pass --repo <dir>");
    return 2;
}

var outDir = options.OutDir ?? (repo is null ? "drop-results" : Path.Combine(repo, "bench", "results"));
var command = "dotnet run -c Release --project bench/Ticketing.DropSimulator --" +
              string.Concat(args.Select(a => " " + (a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)));

// Ctrl-C and SIGTERM end the run early but still report it and stop a target this run started.
using var interrupt = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await new DropRun(options, repo, outDir, command).RunAsync(interrupt.Token);

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    interrupt.Cancel();
}
