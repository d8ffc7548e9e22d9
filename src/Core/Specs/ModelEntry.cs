using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs;

/// <summary>A model a spec declares budgets for.</summary>
/// <param name="Name">The model's key under <c>models</c>.</param>
/// <param name="Location">Where that key is.</param>
/// <param name="Path">The path as written, relative to the spec's folder.</param>
/// <param name="ResolvedPath">The path joined to the spec's folder.</param>
/// <param name="Quality">Quality metrics (<c>top1: 0.781</c>), for reports that plot quality against cost.</param>
/// <param name="Bindings">Per-model bindings, applied over the spec's.</param>
/// <param name="Budgets">Per-model budgets, each replacing the spec's budget of the same indicator.</param>
public sealed record ModelEntry(
    string Name,
    SourceLocation Location,
    Located<string> Path,
    string ResolvedPath,
    IReadOnlyList<QualityMetric> Quality,
    IReadOnlyList<Binding> Bindings,
    IReadOnlyList<Budget> Budgets)
{
    /// <summary>What the spec's <c>inputs</c> say the model's inputs hold (their shapes are among <see cref="Bindings"/>).</summary>
    public IReadOnlyList<InputDeclaration> Inputs { get; init; } = Array.Empty<InputDeclaration>();

    /// <summary>How the model generates, for a decoder with a KV cache (<c>generation: { prompt, new_tokens }</c>); null otherwise.</summary>
    public CostModel.Generation? Generation { get; init; }
}

/// <summary>A value, range or data file a spec declares for one input of a model.</summary>
public sealed record InputDeclaration(string Name, SourceLocation Location, Shapes.InputFill Fill);

/// <summary>A quality measurement of a model (accuracy, BLEU, ...).</summary>
public sealed record QualityMetric(string Name, double Value, SourceLocation Location);
