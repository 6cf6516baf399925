"""FileDataset: files a local run can download, as azureml's FileDataset (to_path, download)."""
import os
import shutil
import tempfile


class FileDataset(object):
    """Files under a folder the run received, or files written on demand (TabularDataset.to_csv_files)."""

    def __init__(self, description, folder=None, writer=None):
        self._description = description
        self._folder = folder
        self._writer = writer

    @property
    def name(self):
        """The registered name, or None."""
        return self._description.get("name")

    @property
    def version(self):
        """The registered version, or None."""
        return self._description.get("version")

    @property
    def id(self):
        """The id of the registered version, or None."""
        return self._description.get("id")

    def to_path(self):
        """The files' paths relative to the dataset, each starting with '/'."""
        if self._writer is not None:
            folder = tempfile.mkdtemp(prefix="azureml-files-")
            try:
                return ["/" + name for name in self._writer(folder)]
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        return ["/" + name for name in self._relative_files()]

    def download(self, target_path=None, overwrite=False, ignore_not_found=False):
        """Copies the files under ``target_path`` (a new temporary folder by default); returns their paths."""
        target = os.path.abspath(target_path) if target_path else tempfile.mkdtemp(prefix="azureml-download-")
        os.makedirs(target, exist_ok=True)
        if self._writer is not None:
            staging = tempfile.mkdtemp(prefix="azureml-files-")
            names = self._writer(staging)
        else:
            names, staging = self._relative_files(), self._folder
        result = []
        try:
            for name in names:
                destination = os.path.join(target, name)
                if os.path.exists(destination) and not overwrite:
                    raise FileExistsError("%s exists; pass overwrite=True to replace it." % destination)
                os.makedirs(os.path.dirname(destination), exist_ok=True)
                shutil.copyfile(os.path.join(staging, name), destination)
                result.append(destination)
        finally:
            if self._writer is not None:
                shutil.rmtree(staging, ignore_errors=True)
        return result

    def _relative_files(self):
        names = []
        for folder, _, files in os.walk(self._folder):
            for f in files:
                names.append(os.path.relpath(os.path.join(folder, f), self._folder).replace(os.sep, "/"))
        return sorted(names)

    def __repr__(self):
        return "FileDataset(name=%s, version=%s)" % (self.name, self.version)
