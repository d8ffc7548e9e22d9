using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Budgets;

/// <summary>What applies to one model of a spec: the spec's budgets and bindings, with the model's own replacing them.</summary>
public static class EffectiveBudgets
{
    /// <summary>The spec's budgets, each replaced by the model's budget of the same indicator, then the model's other budgets.</summary>
    public static IReadOnlyList<Budget> For(Spec spec, ModelEntry model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        var own = model.Budgets.ToDictionary(b => b.Indicator.Name, StringComparer.Ordinal);
        var budgets = spec.Budgets.Select(b => own.GetValueOrDefault(b.Indicator.Name) ?? b).ToList();
        var global = spec.Budgets.Select(b => b.Indicator.Name).ToHashSet(StringComparer.Ordinal);
        budgets.AddRange(model.Budgets.Where(b => !global.Contains(b.Indicator.Name)));
        return budgets;
    }

    /// <summary>
    /// The spec's bindings, then the model's (a model's binding of the same name wins), with the values, ranges and
    /// data files its <c>inputs</c> declare.
    /// </summary>
    public static ShapeBindings Bindings(Spec spec, ModelEntry model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        var symbols = new Dictionary<string, long>(StringComparer.Ordinal);
        var inputs = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var binding in spec.Bindings.Concat(model.Bindings))
        {
            symbols.Remove(binding.Name);
            inputs.Remove(binding.Name);
            if (binding.Sizes.Count == 1 && !binding.WholeInput)
            {
                symbols[binding.Name] = binding.Sizes[0];
            }
            else
            {
                inputs[binding.Name] = binding.Sizes.ToArray();
            }
        }

        var fills = new Dictionary<string, InputFill>(StringComparer.Ordinal);
        foreach (var input in model.Inputs)
        {
            fills[input.Name] = input.Fill;
        }

        return new ShapeBindings(symbols, inputs) { Fills = fills };
    }
}
