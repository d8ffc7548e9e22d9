using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>The input tensors of one measurement, allocated once before timing; disposing frees them.</summary>
public sealed class GeneratedInputs : IDisposable
{
    private GeneratedInputs(IReadOnlyList<GeneratedTensor> tensors) => Tensors = tensors;

    public IReadOnlyList<GeneratedTensor> Tensors { get; }

    /// <summary>The inputs of a bound model, each filled as its plan says (<see cref="BoundInputs.Fills"/>).</summary>
    public static GeneratedInputs Create(BoundInputs bound, InputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bound);
        return Create(bound.Inputs, options, bound.Fills);
    }

    /// <summary>
    /// One tensor per input, in the order given; each input draws from its own seeded stream. An input without a fill in
    /// <paramref name="fills"/> is filled by its name and type alone (masks ones, other integers in the token range).
    /// </summary>
    public static GeneratedInputs Create(IReadOnlyDictionary<string, TensorType> inputs, InputOptions? options = null,
        IReadOnlyDictionary<string, InputFill>? fills = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= InputOptions.Default;
        var tensors = new List<GeneratedTensor>();
        try
        {
            int index = 0;
            foreach (var (name, type) in inputs)
            {
                var random = new Random(unchecked(options.Seed + (31 * index++)));
                var fill = fills?.GetValueOrDefault(name) ?? InputPlanner.ByName(name, type, options);
                tensors.Add(new GeneratedTensor(name, type, TensorFiller.Create(name, type, fill, options, random)));
            }
        }
        catch
        {
            tensors.ForEach(t => t.Value.Dispose());
            throw;
        }

        return new GeneratedInputs(tensors);
    }

    public void Dispose()
    {
        foreach (var tensor in Tensors)
        {
            tensor.Value.Dispose();
        }
    }
}

/// <summary>A generated input: its name, bound type and the ONNX Runtime value holding its data.</summary>
public sealed record GeneratedTensor(string Name, TensorType Type, OrtValue Value);
