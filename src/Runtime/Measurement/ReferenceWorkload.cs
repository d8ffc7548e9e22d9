using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using EfficiencyMisnomer.Baselines;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>
/// Two fixed workloads timed between a model's samples, to tell whether the machine ran at the same speed as when a
/// stored baseline was recorded: multiply-adds on vectors that stay in the core's first-level cache (they slow down
/// when another guest shares the physical core) and one read per cache line of a 32 MiB buffer (when others use the
/// shared caches and memory bandwidth). A shared virtual machine changes speed for minutes at a time with no counter
/// of its own showing it; a model's latency then drifts with these workloads (docs/regression.md). Each observation
/// runs both once, outside the model's timed region, at most every <see cref="Interval"/>, so they cost the sampling
/// loop about 2% of its time.
/// </summary>
public sealed class ReferenceWorkload
{
    /// <summary>The least time between two observations during sampling.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private const int ComputeLength = 4096, ComputeRounds = 64, CacheLine = 64;

    private static readonly Lazy<float[][]> Vectors = new(() =>
    {
        var random = new Random(7);
        return new[] { Fill(random), Fill(random) };
    });

    private static readonly Lazy<long[]> Buffer = new(() => new long[32 * 1024 * 1024 / sizeof(long)]);

    /// <summary>Whether this process has run both workloads once untimed: the buffer's first sweep pays its page faults.</summary>
    private static int warmedUp;

    private readonly List<double> compute = new();
    private readonly List<double> memory = new();
    private long last;
    private float computeSink;
    private long memorySink;

    /// <summary>Observations so far.</summary>
    public int Count => compute.Count;

    /// <summary>Runs and times both workloads once.</summary>
    public void Observe()
    {
        if (Interlocked.Exchange(ref warmedUp, 1) == 0)
        {
            Compute();
            Memory();
        }

        var start = Stopwatch.GetTimestamp();
        Compute();
        var middle = Stopwatch.GetTimestamp();
        Memory();
        last = Stopwatch.GetTimestamp();
        compute.Add(Stopwatch.GetElapsedTime(start, middle).TotalMilliseconds);
        memory.Add(Stopwatch.GetElapsedTime(middle, last).TotalMilliseconds);
    }

    /// <summary>Observes when <see cref="Interval"/> has passed since the last observation; the sampling loop calls it between samples.</summary>
    public void ObserveNowAndThen()
    {
        if (Stopwatch.GetElapsedTime(last) >= Interval)
        {
            Observe();
        }
    }

    /// <summary>The medians of the observations; null before any.</summary>
    public ReferenceSpeed? Speed => compute.Count == 0 ? null : new ReferenceSpeed(Median(compute), Median(memory));

    // Fully optimised from the first call: tiered compilation would time unoptimised code in the first observations.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Compute()
    {
        var (a, b) = (Vectors.Value[0], Vectors.Value[1]);
        var sum = Vector<float>.Zero;
        for (int round = 0; round < ComputeRounds; round++)
        {
            for (int i = 0; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                sum += new Vector<float>(a, i) * new Vector<float>(b, i);
            }
        }

        computeSink += Vector.Dot(sum, Vector<float>.One);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Memory()
    {
        var buffer = Buffer.Value;
        long sum = 0;
        for (int i = 0; i < buffer.Length; i += CacheLine / sizeof(long))
        {
            sum += buffer[i]++;
        }

        memorySink += sum;
    }

    private static float[] Fill(Random random)
    {
        var values = new float[ComputeLength];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextDouble();
        }

        return values;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Keeps the sinks observable so that the JIT cannot drop the work.</summary>
    public override string ToString() => $"reference workload ({Count} observations, {computeSink:0}, {memorySink})";
}
