// TomlBench: times the config reader (Tomlyn parse + positioned model, OpsKit.Core.Toml) on one file. Usage: TomlBench FILE [N] prints "min-ms mean-ms services";
// TomlBench FILE --json prints the tagged JSON (for the cross-check against tomllib).
using System.Diagnostics;
using System.Globalization;
using OpsKit.Core.Toml;

string path = args[0];
if (args.Length > 1 && args[1] == "--json")
{
    Console.Out.Write(TomlTaggedJson.Write(TomlReader.ParseFile(path)));
    return;
}
int n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
byte[] data = File.ReadAllBytes(path);

for (int i = 0; i < 2; i++)
    TomlReader.Parse(data, path); // warm-up (JIT tiers)

var times = new List<double>();
TomlTable? doc = null;
for (int i = 0; i < n; i++)
{
    GC.Collect();
    var sw = Stopwatch.StartNew();
    doc = TomlReader.Parse(data, path);
    times.Add(sw.Elapsed.TotalMilliseconds);
}
int services = ((TomlArray)doc!["service"]).Count;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{times.Min():F1} {times.Average():F1} {services}"));
