using System.Globalization;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Initializer values: inline or external, zeros or seeded random; and saving with external data.</summary>
public sealed partial class ModelBuilder
{
    private readonly List<(TensorProto Tensor, long Bytes)> external = new();

    // Values kept for Random and ExternalRandom storage, so that tests can zero some of them afterwards.
    private readonly Dictionary<string, (ElementType Type, byte[] Payload)> payloads = new(StringComparer.Ordinal);
    private readonly Random random;

    /// <summary>Adds an initializer of any element type stored as configured by <see cref="Storage"/>.</summary>
    public string Initializer(string name, ElementType type, long[] dims)
    {
        var count = dims.Aggregate(1L, (a, b) => checked(a * b));
        var bytes = type.ByteSize(count);
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        switch (Storage)
        {
            case WeightStorage.External:
                ExternalTensor(tensor, bytes);
                break;
            case WeightStorage.ExternalRandom:
                payloads[name] = (type, RandomPayload(type, count, bytes));
                ExternalTensor(tensor, bytes);
                break;
            case WeightStorage.Random:
                payloads[name] = (type, RandomPayload(type, count, bytes));
                graph.Initializer.Add(WithRawData(tensor, payloads[name].Payload));
                break;
            default:
                graph.Initializer.Add(WithRawData(tensor, new byte[bytes]));
                break;
        }

        return name;
    }

    /// <summary>
    /// Sets the first <paramref name="count"/> elements of a Random or ExternalRandom initializer to +0,
    /// so that a test knows exactly how many of its elements are zero (the random values are in (−1, 1)
    /// and never exactly 0 for the fixed seeds used).
    /// </summary>
    public void ZeroFirst(string name, long count)
    {
        if (!payloads.TryGetValue(name, out var stored))
        {
            throw new InvalidOperationException($"'{name}' is not a Random or ExternalRandom initializer.");
        }

        stored.Payload.AsSpan(0, checked((int)stored.Type.ByteSize(count))).Clear();
        if (Storage == WeightStorage.Random)
        {
            var index = graph.Initializer.ToList().FindIndex(t => t.Name == name);
            var tensor = new TensorProto { Name = name, DataType = (int)stored.Type };
            tensor.Dims.AddRange(graph.Initializer[index].Dims);
            graph.Initializer[index] = WithRawData(tensor, stored.Payload);
        }
    }

    /// <summary>Writes the model (and, for external storage, its data file) into a folder; returns the model path.</summary>
    public string Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        if (external.Count > 0)
        {
            using var data = new FileStream(Path.Combine(folder, ExternalDataFile), FileMode.Create, FileAccess.Write);
            long offset = 0;
            foreach (var (tensor, bytes) in external)
            {
                tensor.ExternalData.Clear();
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = ExternalDataFile });
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(CultureInfo.InvariantCulture) });
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = bytes.ToString(CultureInfo.InvariantCulture) });
                if (payloads.TryGetValue(tensor.Name, out var stored))
                {
                    data.Position = offset;
                    data.Write(stored.Payload);
                }

                offset = checked(offset + bytes);
                offset = (offset + 63) / 64 * 64; // aligned, like ONNX's own external data writer
            }

            data.SetLength(offset); // sparse on file systems that support it: nothing is written for zeros
        }

        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    private void ExternalTensor(TensorProto tensor, long bytes)
    {
        tensor.DataLocation = TensorProto.Types.DataLocation.External;
        external.Add((tensor, bytes));
        graph.Initializer.Add(tensor);
    }

    private byte[] RandomPayload(ElementType type, long count, long bytes)
    {
        var data = new byte[bytes];
        if (type == ElementType.Float)
        {
            var floats = new float[count];
            for (int i = 0; i < floats.Length; i++)
            {
                floats[i] = (float)((random.NextDouble() * 2) - 1);
            }

            Buffer.BlockCopy(floats, 0, data, 0, data.Length);
        }
        else
        {
            random.NextBytes(data);
        }

        return data;
    }
}
