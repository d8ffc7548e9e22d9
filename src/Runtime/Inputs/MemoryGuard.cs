using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>
/// Refuses, before anything is allocated, a case that cannot fit in this machine's memory: the generated inputs and
/// the outputs of known shape at the bound sizes, plus the model's weights, against the memory available now (the
/// kernel's estimate, within the process's limit). A binding such as <c>batch: 100000</c> is a coded error naming the
/// largest input and the memory it needs (<c>EM3011</c>), not an allocation that takes the machine down.
/// </summary>
public static class MemoryGuard
{
    private static readonly System.Text.CompositeFormat TooLarge = System.Text.CompositeFormat.Parse("model '{0}' needs at least {1} to measure at these bindings (input '{2}' of shape {3} alone takes {4}; weights {5}), and this machine has {6} available: lower the batch or the bindings");
    private static readonly System.Text.CompositeFormat TooManyElements = System.Text.CompositeFormat.Parse("input '{0}' of shape {1} has {2} elements, more than one tensor of generated inputs can hold ({3}): lower the batch or the bindings");

    /// <summary>Throws <c>EM3011</c> when <paramref name="bound"/>'s tensors and <paramref name="model"/>'s weights exceed <paramref name="available"/> bytes (null: this machine's).</summary>
    public static void Check(OnnxModel model, BoundInputs bound, long? available = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bound);
        var inputs = bound.Inputs.Select(p => (Name: p.Key, p.Value.Shape, Bytes: Bytes(p.Key, p.Value))).ToList();
        var outputs = bound.Outputs.Values.OfType<TensorType>().Where(t => t.Shape is { IsFullyKnown: true }).Sum(t => Bytes(string.Empty, t));
        var needed = SaturatingSum(inputs.Select(i => i.Bytes).Append(outputs).Append(model.ModelSize));
        var free = available ?? AvailableBytes();
        if (free is not { } limit || needed <= limit)
        {
            return;
        }

        var largest = inputs.OrderByDescending(i => i.Bytes).FirstOrDefault();
        throw new EfficiencyException(ErrorCodes.OutOfMemory, UserText.Format(TooLarge,
            UserText.Quote(System.IO.Path.GetFileName(model.Path)), Size(needed), UserText.Quote(largest.Name ?? "-"), largest.Shape?.ToString() ?? "?",
            Size(largest.Bytes), Size(model.ModelSize), Size(limit)), new SourceLocation(model.Path));
    }

    /// <summary>The bytes one tensor of <paramref name="type"/> takes (saturating at <see cref="long.MaxValue"/>); refuses element counts no array can hold.</summary>
    public static long Bytes(string name, TensorType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Shape is not { IsFullyKnown: true } shape)
        {
            return 0;
        }

        var elements = SaturatingProduct(shape.ToSizes());
        if (name.Length > 0 && elements > Array.MaxLength)
        {
            throw new EfficiencyException(ErrorCodes.OutOfMemory, UserText.Format(TooManyElements,
                UserText.Quote(name), shape, elements.ToString(CultureInfo.InvariantCulture), Array.MaxLength.ToString(CultureInfo.InvariantCulture)));
        }

        var width = Math.Max(1, type.ElementType.ByteSize(1));
        return elements > long.MaxValue / width ? long.MaxValue : elements * width;
    }

    /// <summary>Memory available now: <c>MemAvailable</c> on Linux, within the process's limit (a container's); null when unknown.</summary>
    public static long? AvailableBytes()
    {
        var limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long? available = limit > 0 ? limit : null;
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists("/proc/meminfo"))
            {
                var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
                var digits = line is null ? null : new string(line.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
                if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
                {
                    available = available is { } a ? Math.Min(a, kib * 1024) : kib * 1024;
                }
            }
        }
        catch (Exception e) when (Files.FileFailure.Is(e))
        {
            // The process limit alone, then.
        }

        return available;
    }

    private static long SaturatingProduct(IEnumerable<long> sizes)
    {
        long product = 1;
        foreach (var size in sizes)
        {
            if (size < 0)
            {
                return long.MaxValue;
            }

            if (size != 0 && product > long.MaxValue / size)
            {
                return long.MaxValue;
            }

            product *= size;
        }

        return product;
    }

    private static long SaturatingSum(IEnumerable<long> values) =>
        values.Aggregate(0L, (sum, v) => v > long.MaxValue - sum ? long.MaxValue : sum + v);

    private static string Size(long bytes) => bytes == long.MaxValue ? "more than 8 EiB" : QuantityFormat.Bytes(bytes);
}
