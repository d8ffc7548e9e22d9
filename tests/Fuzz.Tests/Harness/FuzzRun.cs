using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// Runs one fuzz target: inputs drawn from a CsCheck generator with a seeded random stream of the target's own (the
/// same inputs on every run with the same seed), each on a thread of its own under a deadline and an allocation
/// bound. The first input that breaks the contract is replayed and shrunk by CsCheck to a small failing input, and
/// the test fails with both, the seed that reproduces it, and the contract broken.
/// </summary>
internal static class FuzzRun
{
    /// <summary>The longest one input may take: seconds at most for the biggest valid input on a loaded 2-core machine.</summary>
    public static readonly TimeSpan InputDeadline = TimeSpan.FromSeconds(20);

    /// <summary>The most one input may allocate; the generators' inputs are kilobytes to a few megabytes.</summary>
    public const long AllocationBound = 1L << 30;

    /// <summary>The inputs CsCheck tries, after a failure, to find a smaller failing one.</summary>
    private const int ShrinkIterations = 400;

    /// <summary>The distinct failures of one run shrunk and printed in full; the rest are listed.</summary>
    private const int MaxShrunk = 5;

    /// <summary>Runs <paramref name="target"/>'s inputs through <paramref name="check"/>, which returns an outcome label ("ok", a code).</summary>
    public static void Check<T>(string target, Gen<T> gen, Func<T, string> check, long ciIterations, Func<T, string> print)
    {
        ArgumentNullException.ThrowIfNull(gen);
        var budget = FuzzBudget.FromEnvironment();
        var iterations = budget.IterationsFor(ciIterations);
        var pcg = new PCG(Stream(target), budget.Seed);
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var token = TestContext.CurrentContext.CancellationToken;
        var failures = new Dictionary<string, (string Seed, T Input, string Problem)>(StringComparer.Ordinal);
        long tried = 0;
        while (tried < iterations && (budget.Duration is null || watch.Elapsed < budget.Duration))
        {
            token.ThrowIfCancellationRequested();
            var state = pcg.State;
            var input = gen.Generate(pcg, null, out _);
            tried++;
            var (outcome, problem) = Attempt(check, input);
            if (problem is not null && KnownFindings.Match(problem) is { } known)
            {
                // A finding in code outside this suite's fixes, reported and listed in docs/fuzzing.md: counted, not failed on.
                (outcome, problem) = ("known " + known.Id, null);
            }

            if (problem is not null)
            {
                outcome = "FAILED " + Signature(problem);
                failures.TryAdd(Signature(problem), (pcg.ToString(state), input, problem));
                if (!budget.Survey)
                {
                    break;
                }
            }

            outcomes[outcome!] = outcomes.GetValueOrDefault(outcome!) + 1;
        }

        Record(target, budget, tried, watch.Elapsed, outcomes, failed: failures.Count > 0);
        if (failures.Count > 0)
        {
            Fail(target, gen, check, failures.Values.ToList(), print);
        }
    }

    /// <summary>
    /// What identifies a failure across inputs: an uncaught exception by its type and the first frame of ours it came
    /// from; a message that quotes unescaped or without bound by its code; anything else by its text without quoted
    /// data, numbers and paths.
    /// </summary>
    internal static string Signature(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (Regex.Match(problem, @"^uncaught (\S+):.*? \| at ([\w.`<>]+)") is { Success: true } uncaught)
        {
            return $"uncaught {uncaught.Groups[1].Value} at {uncaught.Groups[2].Value}";
        }

        if (Regex.Match(problem, @"^(EM\d{4}) message (holds an unescaped|is \d+ characters long)") is { Success: true } quoted)
        {
            return $"{quoted.Groups[1].Value} message {(quoted.Groups[2].Value.StartsWith('h') ? "holds an unescaped character" : "is unbounded")}";
        }

        var text = Regex.Replace(problem, @"'[^']*'|""[^""]*""|\d+|/[^\s:]*|U\+[0-9A-F]{4}", "_");
        return text.Length <= 120 ? text : text[..120];
    }

    /// <summary>One input under the deadline and the allocation bound: its outcome, or what went wrong.</summary>
    public static (string? Outcome, string? Problem) Attempt<T>(Func<T, string> check, T input)
    {
        ArgumentNullException.ThrowIfNull(check);
        string? outcome = null, problem = null;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                outcome = check(input);
            }
#pragma warning disable CA1031 // Anything thrown is the finding, reported with the input.
            catch (Exception e)
#pragma warning restore CA1031
            {
                problem = Invariants.Describe(e);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (problem is null && allocated > AllocationBound)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"allocated {allocated >> 20} MiB for one input (bound {AllocationBound >> 20} MiB)");
            }
        })
        { IsBackground = true };
        thread.Start();
        if (!thread.Join(InputDeadline))
        {
            // The thread is left running: a hang is the finding, and a background thread does not keep the run alive.
            return (null, string.Create(CultureInfo.InvariantCulture, $"did not finish within {InputDeadline.TotalSeconds:0} s"));
        }

        return (outcome, problem);
    }

    private static void Fail<T>(string target, Gen<T> gen, Func<T, string> check, List<(string Seed, T Input, string Problem)> failures, Func<T, string> print)
    {
        var message = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"fuzz target '{target}': {failures.Count} kind(s) of failure");
        foreach (var (seed, input, problem) in failures.Take(MaxShrunk))
        {
            message.AppendLine("----").Append(Shrink(target, gen, check, seed, input, problem, print));
        }

        foreach (var (_, _, problem) in failures.Skip(MaxShrunk))
        {
            message.AppendLine("----").AppendLine(CultureInfo.InvariantCulture, $"also (not shrunk): {problem}");
        }

        Assert.Fail(message.ToString());
    }

    private static string Shrink<T>(string target, Gen<T> gen, Func<T, string> check, string seed, T input, string problem, Func<T, string> print)
    {
        var message = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"fuzz target '{target}' broke the contract: {problem}")
            .AppendLine(CultureInfo.InvariantCulture, $"input (CsCheck seed {seed}; {FuzzBudget.SeedVariable}={FuzzBudget.FromEnvironment().Seed}):")
            .AppendLine(Cut(print(input)));
        var signature = Signature(problem);
        try
        {
            gen.Sample(x =>
            {
                // Only the same failure counts as smaller: shrinking must not wander to another bug.
                if (Attempt(check, x).Problem is { } p && Signature(p) == signature)
                {
                    throw new InvariantBroken(p);
                }
            }, seed: seed, iter: ShrinkIterations, threads: 1, print: x => Cut(print(x)));
            message.AppendLine("(the replay did not fail again: the failure depends on state outside the input)");
        }
        catch (CsCheckException shrunk)
        {
            message.AppendLine("shrunk by CsCheck:").AppendLine(shrunk.Message);
        }

        return message.ToString();
    }

    private static void Record(string target, FuzzBudget budget, long tried, TimeSpan elapsed, SortedDictionary<string, long> outcomes, bool failed)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{target}\tinputs={tried}\tseconds={elapsed.TotalSeconds:0.0}\tseed={budget.Seed}\t{(failed ? "FAILED" : "passed")}\toutcomes={string.Join(",", outcomes.Select(o => $"{o.Key}:{o.Value}"))}");
        TestContext.Out.WriteLine(line);
        if (Environment.GetEnvironmentVariable(FuzzBudget.LogVariable) is { Length: > 0 } log)
        {
            File.AppendAllText(log, line + Environment.NewLine);
        }
    }

    /// <summary>A stream of the random generator per target, so that adding a target changes no other target's inputs.</summary>
    private static uint Stream(string target)
    {
        var hash = 2166136261u;
        foreach (var c in target)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static string Cut(string text) => text.Length <= 6000 ? text : text[..6000] + $"... ({text.Length - 6000} more characters)";
}
