using EfficiencyMisnomer.Shapes;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>The input tensors of one measurement, allocated once before timing; disposing frees them.</summary>
public sealed class GeneratedInputs : IDisposable
{
    private GeneratedInputs(IReadOnlyList<GeneratedTensor> tensors) => Tensors = tensors;

    public IReadOnlyList<GeneratedTensor> Tensors { get; }

    /// <summary>One tensor per input, in the order given; each input draws from its own seeded stream.</summary>
    public static GeneratedInputs Create(IReadOnlyDictionary<string, TensorType> inputs, InputOptions? options = null)
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
                tensors.Add(new GeneratedTensor(name, type, TensorFiller.Create(name, type, options, random)));
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
