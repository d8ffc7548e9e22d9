using EfficiencyMisnomer.Cli;

return MisnomerCli.Run(args, Console.Out, Console.Error);
