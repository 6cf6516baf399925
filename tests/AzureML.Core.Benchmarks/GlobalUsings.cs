global using AzureML.Core;
