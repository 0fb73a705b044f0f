// The programs a recipe runs on the probe host. A missing one is exit 69 naming
// the program and the package that has it on Debian and on Fedora, before
// rpmbuild fails somewhere inside make with raw output.
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Rpm.Spec;

/// <summary>Build-tool check for the probe.</summary>
public static class BuildTools
{
    // BuildRequires -> (program, Debian package, Fedora package).
    private static readonly Dictionary<string, (string Program, string Debian, string Fedora)[]> s_tools = new(StringComparer.Ordinal)
    {
        ["gcc"] = [("gcc", "gcc", "gcc")],
        ["gcc-c++"] = [("g++", "g++", "gcc-c++")],
        ["make"] = [("make", "make", "make")],
        ["autoconf"] = [("autoreconf", "autoconf", "autoconf")],
        ["automake"] = [("automake", "automake", "automake")],
        ["libtool"] = [("libtoolize", "libtool", "libtool")],
        ["gettext-devel"] = [("autopoint", "autopoint", "gettext-devel"), ("msgfmt", "gettext", "gettext")],
        ["gettext"] = [("msgfmt", "gettext", "gettext")],
        ["bison"] = [("bison", "bison", "bison")],
        ["flex"] = [("flex", "flex", "flex")],
        ["nasm"] = [("nasm", "nasm", "nasm")],
        ["yasm"] = [("yasm", "yasm", "yasm")],
        ["gperf"] = [("gperf", "gperf", "gperf")],
        ["texinfo"] = [("makeinfo", "texinfo", "texinfo")],
        ["cmake"] = [("cmake", "cmake", "cmake")],
        ["meson"] = [("meson", "meson", "meson"), ("ninja", "ninja-build", "ninja-build")],
        ["perl-interpreter"] = [("perl", "perl", "perl-interpreter")],
        ["python3-devel"] = [("python3", "python3", "python3-devel")],
        // Man page makers of hand-written Makefiles (MakefileReader.DocTools).
        ["libxml2"] = [("xmllint", "libxml2-utils", "libxml2")],
        ["libxslt"] = [("xsltproc", "xsltproc", "libxslt")],
        ["perl-podlators"] = [("pod2man", "perl", "perl-podlators")],
        ["help2man"] = [("help2man", "help2man", "help2man")],
        ["asciidoc"] = [("asciidoc", "asciidoc", "asciidoc")],
        ["rubygem-asciidoctor"] = [("asciidoctor", "asciidoctor", "rubygem-asciidoctor")],
        ["pandoc"] = [("pandoc", "pandoc", "pandoc")],
        ["rubygem-ronn-ng"] = [("ronn", "ronn", "rubygem-ronn-ng")],
        ["scdoc"] = [("scdoc", "scdoc", "scdoc")],
    };

    /// <summary>Throws exit 69 for the first BuildRequires whose program is not on PATH.</summary>
    public static void Require(SystemContext context, IEnumerable<string> buildRequires) =>
        Require(buildRequires, program => ExecutableLocator.Find(program, context.Env("PATH")));

    /// <summary>Throws exit 69 for the first pkgconfig(NAME) BuildRequires that pkg-config cannot find on this host
    /// (libslirp: glib-2.0), before meson or configure stop on it with their own output.</summary>
    public static async Task RequireModulesAsync(SystemContext context, IEnumerable<string> buildRequires, CancellationToken ct = default)
    {
        var modules = Modules(buildRequires).ToList();
        if (modules.Count == 0 || ExecutableLocator.Find("pkg-config", context.Env("PATH")) is null) return;
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in modules)
        {
            var r = await context.Runner.RunAsync(new CommandSpec("pkg-config", "--exists", m) { Timeout = TimeSpan.FromSeconds(30) }, ct).ConfigureAwait(false);
            if (r.ExitCode != 0) missing.Add(m);
        }
        RequireModules(buildRequires, m => !missing.Contains(m));
    }

    /// <summary>The same with the module lookup given.</summary>
    public static void RequireModules(IEnumerable<string> buildRequires, Func<string, bool> exists)
    {
        foreach (var m in Modules(buildRequires))
        {
            if (!exists(m))
                throw OpsKitException.Unavailable($"the trial build needs the pkg-config module '{m}', which is not on this host: install its development files (Debian: apt-get install the -dev package that ships {m}.pc; Fedora: dnf install 'pkgconfig({m})')");
        }
    }

    private static IEnumerable<string> Modules(IEnumerable<string> buildRequires) =>
        buildRequires.Select(b => System.Text.RegularExpressions.Regex.Match(b, @"^pkgconfig\(([\w.+-]+)\)$")).Where(m => m.Success).Select(m => m.Groups[1].Value);

    /// <summary>The same with the program lookup given (ExecutableLocator always adds the standard directories).</summary>
    public static void Require(IEnumerable<string> buildRequires, Func<string, string?> find)
    {
        foreach (var br in buildRequires)
        {
            var tools = s_tools.GetValueOrDefault(br) ?? Source.Readers.AutotoolsReader.ConfigScriptTool(br);
            if (tools is null) continue;
            foreach (var (program, debian, fedora) in tools)
            {
                if (find(program) is null)
                    throw OpsKitException.Unavailable($"the trial build needs '{program}', which is not on this host: install it (Debian: apt-get install {debian}; Fedora: dnf install {fedora})");
            }
        }
    }
}
