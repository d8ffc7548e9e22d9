// usage: dotnet run -c Release --project specs/benchmarks -- --filter '*' --exporters fulljson --artifacts specs/benchmarks/artifacts
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Samples.TextBenchmarks).Assembly).Run(args);

namespace Samples
{
    /// <summary>Two ways to write 64 numbers as one comma-separated line: the spec gates their time and allocations.</summary>
    [MemoryDiagnoser]
    public class TextBenchmarks
    {
        private readonly int[] numbers = Enumerable.Range(0, 64).ToArray();

        [Benchmark(Baseline = true)]
        public string Join() => string.Join(',', numbers);

        [Benchmark]
        public string Builder()
        {
            var text = new StringBuilder();
            foreach (var number in numbers)
            {
                text.Append(number.ToString(CultureInfo.InvariantCulture)).Append(',');
            }

            return text.ToString(0, text.Length - 1);
        }
    }
}
