/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_SYSTEM_TABLE_H
#define EFI_SYSTEM_TABLE_H

/*
 * The system table, boot services and runtime services (UEFI 2.10, sections
 * 4.3 - 4.5). Slots this project does not call are kept as plain pointers so
 * that the layout stays exact.
 */

#include <efi/efi.h>
#include <efi/protocol/simple_text_input.h>
#include <efi/protocol/simple_text_output.h>
#include <efi/protocol/device_path.h>

typedef enum {
	EfiResetCold,
	EfiResetWarm,
	EfiResetShutdown,
	EfiResetPlatformSpecific
} EFI_RESET_TYPE;

typedef enum {
	TimerCancel,
	TimerPeriodic,
	TimerRelative
} EFI_TIMER_DELAY;

#define EVT_TIMER 0x80000000
#define EVT_NOTIFY_WAIT 0x00000100
#define EVT_NOTIFY_SIGNAL 0x00000200
#define EVT_SIGNAL_EXIT_BOOT_SERVICES 0x00000201

#define EFI_OPEN_PROTOCOL_BY_HANDLE_PROTOCOL 0x00000001
#define EFI_OPEN_PROTOCOL_GET_PROTOCOL 0x00000002
#define EFI_OPEN_PROTOCOL_TEST_PROTOCOL 0x00000004
#define EFI_OPEN_PROTOCOL_BY_CHILD_CONTROLLER 0x00000008
#define EFI_OPEN_PROTOCOL_BY_DRIVER 0x00000010
#define EFI_OPEN_PROTOCOL_EXCLUSIVE 0x00000020

typedef enum {
	AllHandles,
	ByRegisterNotify,
	ByProtocol
} EFI_LOCATE_SEARCH_TYPE;

typedef enum {
	EFI_NATIVE_INTERFACE
} EFI_INTERFACE_TYPE;

typedef VOID(EFIAPI *EFI_EVENT_NOTIFY)(EFI_EVENT Event, VOID *Context);

typedef struct {
	EFI_TABLE_HEADER Hdr;
	EFI_TPL(EFIAPI *RaiseTPL)(EFI_TPL NewTpl);
	VOID(EFIAPI *RestoreTPL)(EFI_TPL OldTpl);
	EFI_STATUS(EFIAPI *AllocatePages)(EFI_ALLOCATE_TYPE Type,
					  EFI_MEMORY_TYPE MemoryType,
					  UINTN Pages,
					  EFI_PHYSICAL_ADDRESS *Memory);
	EFI_STATUS(EFIAPI *FreePages)(EFI_PHYSICAL_ADDRESS Memory, UINTN Pages);
	EFI_STATUS(EFIAPI *GetMemoryMap)(UINTN *MemoryMapSize,
					 EFI_MEMORY_DESCRIPTOR *MemoryMap,
					 UINTN *MapKey, UINTN *DescriptorSize,
					 UINT32 *DescriptorVersion);
	EFI_STATUS(EFIAPI *AllocatePool)(EFI_MEMORY_TYPE PoolType, UINTN Size,
					 VOID **Buffer);
	EFI_STATUS(EFIAPI *FreePool)(VOID *Buffer);
	EFI_STATUS(EFIAPI *CreateEvent)(UINT32 Type, EFI_TPL NotifyTpl,
					EFI_EVENT_NOTIFY NotifyFunction,
					VOID *NotifyContext, EFI_EVENT *Event);
	EFI_STATUS(EFIAPI *SetTimer)(EFI_EVENT Event, EFI_TIMER_DELAY Type,
				     UINT64 TriggerTime);
	EFI_STATUS(EFIAPI *WaitForEvent)(UINTN NumberOfEvents, EFI_EVENT *Event,
					 UINTN *Index);
	EFI_STATUS(EFIAPI *SignalEvent)(EFI_EVENT Event);
	EFI_STATUS(EFIAPI *CloseEvent)(EFI_EVENT Event);
	EFI_STATUS(EFIAPI *CheckEvent)(EFI_EVENT Event);
	EFI_STATUS(EFIAPI *InstallProtocolInterface)(
		EFI_HANDLE *Handle, EFI_GUID *Protocol,
		EFI_INTERFACE_TYPE InterfaceType, VOID *Interface);
	VOID *ReinstallProtocolInterface;
	EFI_STATUS(EFIAPI *UninstallProtocolInterface)(EFI_HANDLE Handle,
						       EFI_GUID *Protocol,
						       VOID *Interface);
	EFI_STATUS(EFIAPI *HandleProtocol)(EFI_HANDLE Handle,
					   EFI_GUID *Protocol,
					   VOID **Interface);
	VOID *Reserved;
	VOID *RegisterProtocolNotify;
	EFI_STATUS(EFIAPI *LocateHandle)(EFI_LOCATE_SEARCH_TYPE SearchType,
					 EFI_GUID *Protocol, VOID *SearchKey,
					 UINTN *BufferSize,
					 EFI_HANDLE *Buffer);
	EFI_STATUS(EFIAPI *LocateDevicePath)(EFI_GUID *Protocol,
					     EFI_DEVICE_PATH_PROTOCOL **DevicePath,
					     EFI_HANDLE *Device);
	VOID *InstallConfigurationTable;
	EFI_STATUS(EFIAPI *LoadImage)(BOOLEAN BootPolicy,
				      EFI_HANDLE ParentImageHandle,
				      EFI_DEVICE_PATH_PROTOCOL *DevicePath,
				      VOID *SourceBuffer, UINTN SourceSize,
				      EFI_HANDLE *ImageHandle);
	EFI_STATUS(EFIAPI *StartImage)(EFI_HANDLE ImageHandle,
				       UINTN *ExitDataSize,
				       CHAR16 **ExitData);
	EFI_STATUS(EFIAPI *Exit)(EFI_HANDLE ImageHandle, EFI_STATUS ExitStatus,
				 UINTN ExitDataSize, CHAR16 *ExitData);
	EFI_STATUS(EFIAPI *UnloadImage)(EFI_HANDLE ImageHandle);
	EFI_STATUS(EFIAPI *ExitBootServices)(EFI_HANDLE ImageHandle,
					     UINTN MapKey);
	EFI_STATUS(EFIAPI *GetNextMonotonicCount)(UINT64 *Count);
	EFI_STATUS(EFIAPI *Stall)(UINTN Microseconds);
	EFI_STATUS(EFIAPI *SetWatchdogTimer)(UINTN Timeout, UINT64 WatchdogCode,
					     UINTN DataSize,
					     CHAR16 *WatchdogData);
	EFI_STATUS(EFIAPI *ConnectController)(
		EFI_HANDLE ControllerHandle, EFI_HANDLE *DriverImageHandle,
		EFI_DEVICE_PATH_PROTOCOL *RemainingDevicePath,
		BOOLEAN Recursive);
	EFI_STATUS(EFIAPI *DisconnectController)(EFI_HANDLE ControllerHandle,
						 EFI_HANDLE DriverImageHandle,
						 EFI_HANDLE ChildHandle);
	EFI_STATUS(EFIAPI *OpenProtocol)(EFI_HANDLE Handle, EFI_GUID *Protocol,
					 VOID **Interface,
					 EFI_HANDLE AgentHandle,
					 EFI_HANDLE ControllerHandle,
					 UINT32 Attributes);
	EFI_STATUS(EFIAPI *CloseProtocol)(EFI_HANDLE Handle, EFI_GUID *Protocol,
					  EFI_HANDLE AgentHandle,
					  EFI_HANDLE ControllerHandle);
	VOID *OpenProtocolInformation;
	EFI_STATUS(EFIAPI *ProtocolsPerHandle)(EFI_HANDLE Handle,
					       EFI_GUID ***ProtocolBuffer,
					       UINTN *ProtocolBufferCount);
	EFI_STATUS(EFIAPI *LocateHandleBuffer)(
		EFI_LOCATE_SEARCH_TYPE SearchType, EFI_GUID *Protocol,
		VOID *SearchKey, UINTN *NoHandles, EFI_HANDLE **Buffer);
	EFI_STATUS(EFIAPI *LocateProtocol)(EFI_GUID *Protocol,
					   VOID *Registration,
					   VOID **Interface);
	EFI_STATUS(EFIAPI *InstallMultipleProtocolInterfaces)(
		EFI_HANDLE *Handle, ...);
	EFI_STATUS(EFIAPI *UninstallMultipleProtocolInterfaces)(
		EFI_HANDLE Handle, ...);
	VOID *CalculateCrc32;
	VOID *CopyMem;
	VOID *SetMem;
	EFI_STATUS(EFIAPI *CreateEventEx)(UINT32 Type, EFI_TPL NotifyTpl,
					  EFI_EVENT_NOTIFY NotifyFunction,
					  const VOID *NotifyContext,
					  const EFI_GUID *EventGroup,
					  EFI_EVENT *Event);
} EFI_BOOT_SERVICES;

typedef struct {
	EFI_TABLE_HEADER Hdr;
	EFI_STATUS(EFIAPI *GetTime)(EFI_TIME *Time, VOID *Capabilities);
	VOID *SetTime;
	VOID *GetWakeupTime;
	VOID *SetWakeupTime;
	VOID *SetVirtualAddressMap;
	VOID *ConvertPointer;
	EFI_STATUS(EFIAPI *GetVariable)(CHAR16 *VariableName,
					EFI_GUID *VendorGuid,
					UINT32 *Attributes, UINTN *DataSize,
					VOID *Data);
	EFI_STATUS(EFIAPI *GetNextVariableName)(UINTN *VariableNameSize,
						CHAR16 *VariableName,
						EFI_GUID *VendorGuid);
	VOID *SetVariable;
	VOID *GetNextHighMonotonicCount;
	VOID(EFIAPI *ResetSystem)(EFI_RESET_TYPE ResetType,
				  EFI_STATUS ResetStatus, UINTN DataSize,
				  VOID *ResetData);
	VOID *UpdateCapsule;
	VOID *QueryCapsuleCapabilities;
	VOID *QueryVariableInfo;
} EFI_RUNTIME_SERVICES;

typedef struct {
	EFI_GUID VendorGuid;
	VOID *VendorTable;
} EFI_CONFIGURATION_TABLE;

typedef struct {
	EFI_TABLE_HEADER Hdr;
	CHAR16 *FirmwareVendor;
	UINT32 FirmwareRevision;
	EFI_HANDLE ConsoleInHandle;
	EFI_SIMPLE_TEXT_INPUT_PROTOCOL *ConIn;
	EFI_HANDLE ConsoleOutHandle;
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *ConOut;
	EFI_HANDLE StandardErrorHandle;
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *StdErr;
	EFI_RUNTIME_SERVICES *RuntimeServices;
	EFI_BOOT_SERVICES *BootServices;
	UINTN NumberOfTableEntries;
	EFI_CONFIGURATION_TABLE *ConfigurationTable;
} EFI_SYSTEM_TABLE;

#endif
