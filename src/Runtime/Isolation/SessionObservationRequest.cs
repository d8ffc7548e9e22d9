using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Runtime.Isolation;

/// <summary>
/// What one isolated observation measures: a model's session created, run once (cold start) and a few more times,
/// with the inputs, bindings and thread settings of its case. It travels to a child process as JSON.
/// </summary>
/// <param name="ModelPath">The model file.</param>
/// <param name="Provider"><c>cpu</c> or <c>cuda</c>.</param>
/// <param name="IntraOpThreads">Threads inside one operator.</param>
/// <param name="InterOpThreads">Threads across operators.</param>
/// <param name="Batch">The batch size; null keeps the bindings' own.</param>
/// <param name="Symbols">Symbolic dimensions bound by name.</param>
/// <param name="InputShapes">Whole input shapes bound by input name.</param>
/// <param name="Seed">The generated inputs' seed.</param>
/// <param name="TokenMin">Smallest integer input value, inclusive.</param>
/// <param name="TokenMax">Largest integer input value, exclusive.</param>
public sealed record SessionObservationRequest(
    string ModelPath,
    string Provider,
    int IntraOpThreads,
    int InterOpThreads,
    int? Batch,
    IReadOnlyDictionary<string, long> Symbols,
    IReadOnlyDictionary<string, long[]> InputShapes,
    int Seed,
    long TokenMin,
    long TokenMax)
{
    /// <summary>How long the session's inferences may run before the watchdog stops them; null: unbounded (the parent's deadline still kills the child).</summary>
    public double? RunDeadlineSeconds { get; init; }

    /// <summary>What the spec declares its inputs hold (values, ranges, data files); the others are synthesised in the child as here.</summary>
    public IReadOnlyDictionary<string, InputFill> Fills { get; init; } = new Dictionary<string, InputFill>();

    /// <summary>Inferences after the first: the arena and caches grow on the first runs, and the peak must include them.</summary>
    public int ExtraRuns { get; init; } = 3;

    /// <summary>The request for a model measured with these bindings, settings and inputs.</summary>
    public static SessionObservationRequest For(string modelPath, ProviderSelection provider, SessionSettings settings, ShapeBindings bindings, int? batch, InputOptions inputs)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(inputs);
        return new SessionObservationRequest(modelPath, provider.Provider, settings.IntraOpThreads, settings.InterOpThreads, batch,
            bindings.Symbols, bindings.Inputs, inputs.Seed, inputs.TokenMin, inputs.TokenMax) { Fills = bindings.Fills };
    }

    public ShapeBindings Bindings => new(Symbols, InputShapes) { Fills = Fills };

    public InputOptions Inputs => new(Seed, TokenMin, TokenMax);

    public SessionSettings Settings => new(IntraOpThreads, InterOpThreads);
}
