// Registers toGrantPermission, toAllowOperation and toGrantExactly, typed for jest.
import 'cdktn-genesyscloud-access/testing/jest';
