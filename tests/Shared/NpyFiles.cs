using System.Globalization;
using System.Text;

namespace EfficiencyMisnomer.Testing;

/// <summary>Writes NumPy <c>.npy</c> files (format 1.0, C order, little-endian) for tests of declared input data.</summary>
internal static class NpyFiles
{
    public static byte[] Int64(long[] shape, params long[] values) => Write("<i8", shape, values.SelectMany(BitConverter.GetBytes).ToArray());

    public static byte[] Float32(long[] shape, params float[] values) => Write("<f4", shape, values.SelectMany(BitConverter.GetBytes).ToArray());

    /// <summary>A file with any <c>descr</c> and payload, for malformed cases.</summary>
    public static byte[] Write(string descr, long[] shape, byte[] payload, bool fortran = false)
    {
        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var header = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({dims}), }}";
        var padded = header.PadRight((((10 + header.Length + 1 + 63) / 64) * 64) - 10 - 1) + "\n"; // aligned to 64 bytes, as NumPy writes it
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.Add(1);
        bytes.Add(0);
        bytes.AddRange(BitConverter.GetBytes((ushort)padded.Length));
        bytes.AddRange(Encoding.ASCII.GetBytes(padded));
        bytes.AddRange(payload);
        return bytes.ToArray();
    }
}
