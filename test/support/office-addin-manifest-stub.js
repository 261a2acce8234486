// Stand-in for office-addin-manifest under jest: office-addin-mock imports it only for
// manifest-driven mocks, which these tests never use, and its real dependencies are ESM-only.
module.exports = {};
