using System.Globalization;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// How much one fuzz run tries: each target's small default count (the CI budget) unless the environment says
/// otherwise. <c>MISNOMER_FUZZ_ITERATIONS</c> sets the inputs per target, <c>MISNOMER_FUZZ_SECONDS</c> a time per
/// target (the run stops at whichever comes first; with only a time, the count is unlimited), <c>MISNOMER_FUZZ_SEED</c>
/// the seed every target's generator starts from, so that a run is the same inputs on every machine.
/// </summary>
internal sealed record FuzzBudget(ulong Seed, long? Iterations, TimeSpan? Duration, bool Survey)
{
    /// <summary>Set to 1: a target goes on after a failure and reports every kind of failure it met (the long run).</summary>
    public const string SurveyVariable = "MISNOMER_FUZZ_SURVEY";

    public const string IterationsVariable = "MISNOMER_FUZZ_ITERATIONS";
    public const string SecondsVariable = "MISNOMER_FUZZ_SECONDS";
    public const string SeedVariable = "MISNOMER_FUZZ_SEED";

    /// <summary>The file a run appends one line per target to (target, inputs, outcomes), for docs/fuzzing.md.</summary>
    public const string LogVariable = "MISNOMER_FUZZ_LOG";

    /// <summary>The seed of CI runs: fixed, so that CI tries the same inputs every time.</summary>
    public const ulong DefaultSeed = 2022;

    public static FuzzBudget FromEnvironment() => new(
        Number(SeedVariable, t => ulong.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)) ?? DefaultSeed,
        Number(IterationsVariable, t => long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        Number(SecondsVariable, t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Environment.GetEnvironmentVariable(SurveyVariable) == "1");

    /// <summary>The inputs to try for a target whose CI default is <paramref name="ciDefault"/>.</summary>
    public long IterationsFor(long ciDefault) => Iterations ?? (Duration is null ? ciDefault : long.MaxValue);

    private static T? Number<T>(string variable, Func<string, T> parse)
        where T : struct
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return parse(text.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new InvalidOperationException($"{variable}='{text}' is not a number", e);
        }
    }
}
