namespace AzureML.Core.Data;

/// <summary>Creates <see cref="TabularDataset"/>s; reached as <c>Dataset.Tabular</c>. Mirrors azureml's <c>TabularDatasetFactory</c>.</summary>
public sealed class TabularDatasetFactory
{
    internal TabularDatasetFactory() { }

    /// <summary>A tabular dataset over one delimited file, folder or glob; see the list overload.</summary>
    /// <param name="path">A local path, <c>(datastore, "path/*.csv")</c> or an http(s) URL.</param>
    /// <param name="validate">Check now that local and datastore paths match files.</param>
    /// <param name="includePath">Add a first <c>Path</c> column naming each row's file.</param>
    /// <param name="inferColumnTypes">Infer integer, float, boolean and date columns; otherwise every column is text.</param>
    /// <param name="setColumnTypes">Column types to use instead of inference.</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="header">Whether files start with a header row (all files must share it).</param>
    /// <param name="encoding">utf8, latin1 (iso88591), utf16, ascii or windows1252.</param>
    /// <exception cref="UserErrorException">A path is malformed, or <paramref name="validate"/> finds no file for it.</exception>
    public TabularDataset FromDelimitedFiles(DataPath path, bool validate = true, bool includePath = false, bool inferColumnTypes = true,
        IReadOnlyDictionary<string, DataFrameColumnType>? setColumnTypes = null, char separator = ',', bool header = true, string encoding = "utf8")
        => FromDelimitedFiles([path], validate, includePath, inferColumnTypes, setColumnTypes, separator, header, encoding);

    /// <summary>
    /// A tabular dataset over delimited files: local paths, <c>(datastore, "folder/*.csv")</c> pairs and http(s) URLs,
    /// with the wildcards <c>*</c>, <c>**</c> and <c>?</c>; a folder means every file below it. Files are read in order
    /// and must share their columns. Nothing is read until <see cref="TabularDataset.ToDataFrame"/>.
    /// </summary>
    /// <param name="path">The files.</param>
    /// <param name="validate">Check now that local and datastore paths match files.</param>
    /// <param name="includePath">Add a first <c>Path</c> column naming each row's file.</param>
    /// <param name="inferColumnTypes">Infer integer, float, boolean and date columns; otherwise every column is text.</param>
    /// <param name="setColumnTypes">Column types to use instead of inference.</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="header">Whether files start with a header row (all files must share it).</param>
    /// <param name="encoding">utf8, latin1 (iso88591), utf16, ascii or windows1252.</param>
    /// <exception cref="UserErrorException">A path is malformed, or <paramref name="validate"/> finds no file for it.</exception>
    public TabularDataset FromDelimitedFiles(IEnumerable<DataPath> path, bool validate = true, bool includePath = false, bool inferColumnTypes = true,
        IReadOnlyDictionary<string, DataFrameColumnType>? setColumnTypes = null, char separator = ',', bool header = true, string encoding = "utf8")
    {
        (List<DatasetSource> sources, Workspace? workspace) = DatasetFactorySources.From(path);
        var settings = new DelimitedSettings
        {
            Separator = separator,
            Header = header,
            Encoding = encoding,
            InferColumnTypes = inferColumnTypes,
            IncludePath = includePath,
            SetColumnTypes = setColumnTypes is null ? null : new SortedDictionary<string, DataFrameColumnType>(setColumnTypes.ToDictionary(), StringComparer.Ordinal),
        };
        settings.ToReadOptions().Validate();
        Delimited.DelimitedEncodings.Resolve(encoding);
        var definition = new DatasetDefinition { DatasetType = DatasetDefinition.TabularType, Sources = sources, Delimited = settings };
        if (validate) DatasetFactorySources.Validate(definition, workspace);
        return new TabularDataset(definition, workspace, null);
    }
}
