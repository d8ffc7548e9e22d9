using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// The <c>sparsity</c> indicator: the fraction of parameter elements that are exactly zero. Unlike every
/// other static indicator it needs the weight values, so it streams them from the model file and its
/// external data files, one bounded buffer at a time, and only when asked.
/// </summary>
internal static class WeightSparsity
{
    public static double Measure(OnnxModel model, IEnumerable<ParameterTensor> parameters, int bufferBytes = TensorReader.DefaultBufferBytes)
    {
        using var reader = new TensorReader(model, bufferBytes);
        long zeros = 0, elements = 0;
        try
        {
            // Sorted by name: the first failing tensor, and so the message, does not depend on hashing.
            foreach (var parameter in parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                zeros = checked(zeros + CountZeros(reader, parameter.Tensor, parameter.Reader));
                elements = checked(elements + parameter.Tensor.ElementCount);
            }
        }
        catch (OverflowException)
        {
            throw new EfficiencyException(ErrorCodes.CountOverflow, "the parameter count exceeds 2^63.", new SourceLocation(model.Path));
        }

        return elements == 0 ? 0 : (double)zeros / elements;
    }

    private static long CountZeros(TensorReader reader, TensorInfo tensor, string readerNode)
    {
        if (tensor.SparseValues is { } stored)
        {
            // A sparse initializer stores its non-zeros; a stored value may itself be zero.
            return checked(tensor.ElementCount - stored.ElementCount + CountZeros(reader, stored, readerNode));
        }

        var counter = new ZeroCounter(tensor.ElementType, tensor.ElementCount);
        reader.Read(tensor, readerNode, counter.Add);
        return counter.Zeros;
    }
}
