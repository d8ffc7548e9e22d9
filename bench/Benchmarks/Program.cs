// usage: dotnet run -c Release --project bench/Benchmarks -- [BenchmarkDotNet arguments, e.g. --filter '*' --job short]
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(EfficiencyMisnomer.Bench.StaticPathBenchmarks).Assembly).Run(args);
