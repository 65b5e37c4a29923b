// placeholder until the engage module lands
namespace adcov::engage {}
