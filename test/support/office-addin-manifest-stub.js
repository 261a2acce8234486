// Stand-in for office-addin-manifest under jest. office-addin-mock imports it only for the
// OfficeApp host names (its real dependencies are ESM-only and do not load under jest), so this
// stub carries exactly those values, copied from office-addin-manifest's lib/officeApp.js.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
