namespace EfficiencyMisnomer.CostModel;

/// <summary>The optimizer a model is trained with; it decides how many copies of the weights training keeps.</summary>
public enum Optimizer
{
    /// <summary>Plain SGD: no state.</summary>
    Sgd,

    /// <summary>SGD with momentum: one velocity per parameter.</summary>
    Momentum,

    /// <summary>Adam: first and second moments per parameter.</summary>
    Adam,

    /// <summary>Sharpness-aware minimization over Adam: the moments plus a copy of the perturbed weights.</summary>
    Sam,
}

/// <summary>Parsing and state sizes of <see cref="Optimizer"/>.</summary>
public static class Optimizers
{
    /// <summary>Copies of the parameters the optimizer keeps besides weights and gradients.</summary>
    public static int StateCopies(this Optimizer optimizer) => optimizer switch
    {
        Optimizer.Sgd => 0,
        Optimizer.Momentum => 1,
        Optimizer.Adam => 2,
        Optimizer.Sam => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(optimizer)),
    };

    public static string Name(this Optimizer optimizer) => optimizer.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out Optimizer optimizer) =>
        Enum.TryParse(text, ignoreCase: true, out optimizer) && Enum.IsDefined(optimizer);
}
