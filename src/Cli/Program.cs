using EfficiencyMisnomer.Cli;
using EfficiencyMisnomer.Runtime.Isolation;

// A child started to observe one fresh session alone (cold start, memory): this same program, so that a
// self-contained tool needs no separate host.
if (args is [MisnomerCli.ObserveCommand])
{
    return ObservationProgram.Run(Console.In, Console.Out);
}

ObservationHost.Current = ObservationHost.Self(MisnomerCli.ObserveCommand) ?? ObservationHost.Current;
return MisnomerCli.Run(args, Console.Out, Console.Error);
